export function LeaderPage() {
  return null;
}
