/// Stylesheets imported for their side effect; the bundler (vite, esbuild) injects them.
///
/// Lets TypeScript accept `import './editor.css'` without vite's client types.
declare module '*.css';
