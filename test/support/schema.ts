import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type DefinitionNode, type FieldDefinitionNode, Kind, parse } from 'graphql';
import { repoRoot } from './built.js';

/** Every definition of the api's SDL (`schema/*.graphql`), as written. */
export function schemaDefinitions(): DefinitionNode[] {
  const dir = join(repoRoot, 'schema');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .flatMap((file) => parse(readFileSync(join(dir, file), 'utf8')).definitions);
}

/** The Mutation type's fields, across its definition and extensions. */
export function mutationFields(definitions = schemaDefinitions()): FieldDefinitionNode[] {
  return definitions.flatMap((definition) =>
    (definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.OBJECT_TYPE_EXTENSION) &&
    definition.name.value === 'Mutation'
      ? [...(definition.fields ?? [])]
      : [],
  );
}
