export function PortalSuccessPlansSection() {
  return null;
}
