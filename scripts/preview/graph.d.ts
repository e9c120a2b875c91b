/** Every page app.json declares: the main package's, then each subpackage's (root + page). */
export function allPages(appJson: { pages?: string[]; subpackages?: { root: string; pages: string[] }[]; subPackages?: { root: string; pages: string[] }[] }): string[];
