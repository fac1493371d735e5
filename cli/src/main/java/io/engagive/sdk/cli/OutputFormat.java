package io.engagive.sdk.cli;

/** How results are printed: aligned columns for people, or the API's JSON for scripts. */
enum OutputFormat {
    /** Aligned columns. */
    table,
    /** The API's JSON envelope, pretty-printed. */
    json
}
