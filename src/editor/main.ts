/** Entry of the tour editor (dev server only: `npm run author`, then /editor/). */
import './editor.css';
// After editor.css, as it was appended there: uploads, housekeeping, drawn icons.
import './editor-uploads.css';
import { EditorApp } from './editor-app.ts';

const root = document.getElementById('editor');
if (root) void EditorApp.start(root);
