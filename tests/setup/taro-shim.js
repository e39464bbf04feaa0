// Stands in for `@tarojs/taro` in jsdom: the real H5 implementation of the Taro API plus the React
// runtime hooks, with the H5 native-component bridge wired to React as a Taro H5 build would do.
const React = require('react');
const ReactDOM = require('react-dom');
const taroH5 = require('@tarojs/taro-h5');
const runtime = require('@tarojs/plugin-framework-react/dist/runtime');

runtime.createH5NativeComponentConfig(null, React, ReactDOM);

const Taro = taroH5.default || taroH5;
// The build rewrites Taro.showToast, Taro.showModal … into the H5 package's named exports; here the
// default object gets them too, so that tests can spy on them as the pages call them.
for (const [name, value] of Object.entries(taroH5)) {
  if (name !== 'default' && typeof value === 'function' && !(name in Taro)) Taro[name] = value;
}
const shim = Object.assign({}, taroH5, runtime);
shim.default = Object.assign(Taro, runtime);
Object.defineProperty(shim, '__esModule', { value: true });
module.exports = shim;
