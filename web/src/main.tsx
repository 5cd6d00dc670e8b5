import { render } from 'preact';
import { App } from './app';
import './style.css';
import './matrix.css';
import './setup.css';
import './settings.css';
import './working-hours.css';
import './phone.css';

const root = document.getElementById('app');
if (root) render(<App />, root);
