/* an async chunk */
window.fixtureChunk = 1;
