// Stylesheets do not matter in jsdom; importing one yields an empty module.
module.exports = {};
