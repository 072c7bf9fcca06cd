import { render } from 'preact';
import { LookupApp } from '../../components/lookup/LookupApp';
import '../../components/theme.css';

render(<LookupApp surface="sidepanel" />, document.getElementById('app')!);
