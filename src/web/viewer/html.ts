/**
 * Photo Sphere Viewer and its plugins render some strings as HTML (gallery names, tooltips,
 * captions). Author text passed to them goes through here first.
 */
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}
