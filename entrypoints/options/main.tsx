import { render } from 'preact';
import { OptionsApp } from '../../components/options/OptionsApp';
import '../../components/theme.css';

render(<OptionsApp />, document.getElementById('app')!);
