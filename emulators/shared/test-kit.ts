// What the emulators' own tests seed alike (the Zoho test kit, the Salesforce
// emulator tests): the account's two users, the known client Ivan, and his
// answered call of k1. Each CRM's test adds its own fields (Zoho's Pool_Name,
// Salesforce's Pool__c…) and records. Test code only: not built.

export const SEED_USERS = [
  { id: 'u1', name: 'Olena Top' },
  { id: 'u2', name: 'Petro' },
];

/** Ivan, a contact Petro owns, found by a local spelling of his number. */
export const IVAN = {
  id: 'c1',
  name: 'Ivan',
  phones: ['067 123 4567'],
  ownerId: 'u2',
  utm: { source: 'google' },
};

/** Ivan's answered incoming call k1, logged by Petro. */
export const IVANS_CALL = {
  id: 'cl1',
  callId: 'k1',
  direction: 'incoming',
  from: '+380671234567',
  to: '+380441234567',
  disposition: 'answered',
  userId: 'u2',
  contactId: 'c1',
};
