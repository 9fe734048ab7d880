/** Entry of the tour editor (dev server only: `npm run author`, then /editor/). */
import './editor.css';
import { EditorApp } from './editor-app.ts';

const root = document.getElementById('editor');
if (root) void EditorApp.start(root);
