const { src, dest } = require('gulp');

// n8n resolves `file:` icon paths relative to the compiled node, so the SVGs ship beside dist/.
function buildIcons() {
	return src('icons/*.svg').pipe(dest('dist/icons'));
}

exports['build:icons'] = buildIcons;
