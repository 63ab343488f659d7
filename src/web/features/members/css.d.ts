// The members screens bring their own stylesheet (Vite bundles it with the lazy page chunk);
// TypeScript only needs to know a side-effect .css import is a module.
declare module '*.css';
