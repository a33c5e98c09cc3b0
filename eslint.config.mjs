// @ts-check
/**
 * Lint: typescript-eslint's strict and stylistic rule sets over every TypeScript file, with the
 * rules that concern layout left to prettier (eslint-config-prettier turns them off here).
 * `npm run lint` checks; verify runs it. See docs/dependencies.md for why these tools.
 */
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/", ".kata/", "harness/test/fixtures/syntax-error/"] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  ...tseslint.configs.stylistic,
  prettier,
  {
    languageOptions: {
      globals: {
        process: "readonly",
        console: "readonly",
        require: "readonly",
        module: "writable",
        __dirname: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        setImmediate: "readonly",
        setInterval: "readonly",
        clearInterval: "readonly",
        URL: "readonly",
      },
    },
    rules: {
      // Unused arguments before a used one document a callback's shape; a leading _ marks the rest.
      // Prettier keeps code at 120 columns but never splits a string; a teaching message stays whole
      // on one line, so it can be found with grep. Comments and code are held to 120.
      "max-len": [
        "error",
        { code: 120, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true, ignoreUrls: true },
      ],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { args: "after-used", argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
    },
  },
  {
    // A stub imports what the learner will need and names the parameters its body will use; its
    // body is one notImplemented() call, so "unused" is the point there.
    files: ["exercises/*/*/src/**/*.ts"],
    rules: { "@typescript-eslint/no-unused-vars": "off" },
  },
  {
    // The resolver and the Node hook are CommonJS on purpose (jest requires its resolver before any transform).
    files: ["**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
