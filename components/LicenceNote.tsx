/** Shown wherever code text appears: our summaries are not the ADA's licensed descriptors. */
export function LicenceNote() {
  return (
    <p class="licence-note" style={{ fontSize: '12px', color: 'var(--muted)', margin: '8px 0 0' }}>
      Descriptions are CDT Lens's own plain-language summaries. The licensed CDT manual (ADA) is authoritative for code
      nomenclature and descriptors.
    </p>
  );
}
