import type { DemoStakeholder } from './demo-types.js';

/** The organisations of the demo, from the source documents (cited as file:line in ../shared/seeds/). */
export const DEMO_STAKEHOLDERS: readonly DemoStakeholder[] = [
  { key: 'nl-government', name: 'Government of the Netherlands', kind: 'GOVERNMENT', sector: 'justice', country: 'NL' },
  { key: 'cr-ict', name: 'Instituto Costarricense de Turismo (ICT)', kind: 'GOVERNMENT', sector: 'tourism', country: 'CR' },
  { key: 'cr-canatur', name: 'Costa Rican Chamber of Tourism (CANATUR)', kind: 'PRIVATE_SECTOR', sector: 'tourism', country: 'CR' },
  { key: 'cr-paniamor', name: 'Paniamor', kind: 'NGO', sector: 'child protection', country: 'CR' },
  { key: 'ecpat', name: 'ECPAT International', kind: 'NGO', sector: 'child protection', country: 'TH' },
  { key: 'unwto', name: 'World Tourism Organization (UNWTO)', kind: 'INTERGOVERNMENTAL', sector: 'tourism', country: 'ES' },
  { key: 'interpol', name: 'Interpol', kind: 'LAW_ENFORCEMENT', sector: 'law enforcement', country: 'FR' },
  { key: 'pucp', name: 'Pontifical Catholic University of Peru', kind: 'ACADEMIC', sector: 'research', country: 'PE' },
  {
    key: 'youth-panel',
    name: 'World Congress III youth panel',
    kind: 'YOUTH_PANEL',
    sector: 'child and youth participation',
    country: 'BR',
  },
  {
    key: 'cr-youth-panel',
    name: 'Costa Rican youth panel on tourism',
    kind: 'YOUTH_PANEL',
    sector: 'child and youth participation',
    country: 'CR',
  },
  {
    key: 'task-force',
    name: 'High Level Task Force on Child Protection in Travel and Tourism',
    kind: 'OTHER',
    sector: 'tourism',
    country: 'CO',
  },
];
