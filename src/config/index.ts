export { parseSettings, SettingsSchema, type Settings } from './settings.js';
