/** Entry of the tourist's app. */
import './app/styles.css';
import { App } from './app/app.ts';

const root = document.getElementById('app');
if (root) void App.start(root);
