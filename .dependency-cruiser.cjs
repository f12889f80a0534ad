/**
 * The layer rules of server/src (docs/architecture.md), checked by `npm run lint`:
 * business modules never reach up into the channel or the entry points, domain code imports no
 * framework, shared code belongs to no layer, and nothing imports in a circle.
 */
const frameworks = 'node_modules/(express|knex|pg|pino|pino-http|inversify|knex-pglite|@electric-sql/[^/]+)/';

module.exports = {
  forbidden: [
    {
      name: 'modules-depend-inward',
      comment: 'A business module needs a port in its own domain/ (or a shared type), never the channel.',
      severity: 'error',
      from: { path: '^server/src/modules/' },
      to: { path: '^server/src/(whatsapp|routing|cli|jobs)/' },
    },
    {
      name: 'domain-without-frameworks',
      comment: 'Domain code is plain TypeScript: no HTTP, database, logger or container.',
      severity: 'error',
      from: { path: '^server/src/modules/[^/]+/domain/' },
      to: { path: frameworks },
    },
    {
      name: 'shared-belongs-to-no-layer',
      comment:
        'shared/ is used by every layer, so it imports none of them (the REST edge may read identity).',
      severity: 'error',
      from: { path: '^server/src/shared/', pathNot: '^server/src/shared/http/' },
      to: { path: '^server/src/(modules|whatsapp|routing|cli|jobs)/' },
    },
    {
      name: 'no-cycles',
      comment: 'An import cycle hides which side owns a concept.',
      severity: 'error',
      from: { path: '^server/src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: they tie the layers together as much as values do.
    tsPreCompilationDeps: true,
  },
};
