/** The label beside a control the group's managed policy fixes; the control itself is disabled. */
export function Lock({ locked, id }: { locked: boolean; id?: string }) {
  if (!locked) return null;
  return (
    <span class="lock" id={id}>
      <span aria-hidden="true">🔒</span> Set by your group
    </span>
  );
}

export const LOCK_EXPLANATION =
  'Settings marked “Set by your group” come from your dental group’s IT team (browser policy). They apply to every computer in the group and cannot be changed here.';
