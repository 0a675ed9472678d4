export function DuePage() {
  return null;
}
