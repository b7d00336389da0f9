// The rich section editor (ProseMirror over the stored Markdown), bundled for the browser into
// dist/assets/rich-editor.js by `npm run build:client`. The page works without it.
export {};
