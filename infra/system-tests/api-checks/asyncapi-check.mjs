// Validates the AsyncAPI document (the AsyncAPI parser: structure, references, bindings)
// and checks each topic's message schema against the golden sample of that topic
// (contracts/src/test/resources/samples/<topic>.json): the sample must be valid, and the
// sample and the schema must name the same fields, so neither can drift from the other.
// Usage: node asyncapi-check.mjs <asyncapi.json> <samples directory>
import { readFileSync, readdirSync } from 'node:fs';
import { Parser } from '@asyncapi/parser';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

const [documentFile, samplesDirectory] = process.argv.slice(2);
const severities = ['error', 'warning', 'info', 'hint'];
const { document, diagnostics } = await new Parser().parse(readFileSync(documentFile, 'utf8'));
for (const diagnostic of diagnostics) {
  console.log(`${severities[diagnostic.severity]} ${diagnostic.code} at ${diagnostic.path.join('.')}: ${diagnostic.message}`);
}
if (!document || diagnostics.some((diagnostic) => diagnostic.severity === 0)) {
  console.log('The AsyncAPI document is not valid');
  process.exit(1);
}

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const problems = [];
const topics = new Set();
for (const channel of document.channels()) {
  const topic = channel.address();
  topics.add(topic);
  let sample;
  try {
    sample = JSON.parse(readFileSync(`${samplesDirectory}/${topic}.json`, 'utf8'));
  } catch (error) {
    problems.push(`${topic}: no golden sample (${error.message})`);
    continue;
  }
  for (const message of channel.messages()) {
    const schema = message.payload().json();
    const validate = ajv.compile(schema);
    if (!validate(sample)) {
      problems.push(`${topic}: the sample does not match ${message.name()}: ${ajv.errorsText(validate.errors)}`);
    }
    compare(topic, '', schema, sample);
  }
}
for (const file of readdirSync(samplesDirectory).filter((name) => name.endsWith('.json'))) {
  if (!topics.has(file.replace(/\.json$/, ''))) {
    problems.push(`${file}: a golden sample of a topic the document does not describe`);
  }
}
for (const problem of problems) {
  console.log(problem);
}
console.log(`${topics.size} topics checked against their samples, ${problems.length} problems`);
process.exit(problems.length === 0 ? 0 : 1);

/** The schema's properties and the sample's fields, both ways, into nested objects. */
function compare(topic, where, schema, value) {
  if (!schema || typeof value !== 'object' || value === null) {
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((element) => compare(topic, `${where}[]`, schema.items, element));
    return;
  }
  const named = Object.keys(schema.properties ?? {});
  for (const field of Object.keys(value)) {
    if (!named.includes(field)) {
      problems.push(`${topic}: ${where}${field} is in the sample but not in the schema`);
    }
  }
  for (const field of named) {
    if (!(field in value)) {
      problems.push(`${topic}: ${where}${field} is in the schema but not in the sample`);
    } else {
      compare(topic, `${where}${field}.`, schema.properties[field], value[field]);
    }
  }
}
