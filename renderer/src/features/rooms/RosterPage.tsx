export function RosterPage() {
  return null;
}
