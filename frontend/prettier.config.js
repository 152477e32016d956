// Prettier options that match how the code was written by hand, so that
// formatting it changed as little as possible.
export default {
  // No semicolons and single quotes, as everywhere in src/ and e2e/.
  semi: false,
  singleQuote: true,
  // 97% of the lines already fit in 120 columns.
  printWidth: 120,
}
