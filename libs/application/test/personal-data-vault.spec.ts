import { describe, expect, it } from '@jest/globals';
import { MemoryKeyStore, PersonalDataVault } from '#application';

describe('personal data vault', () => {
  it('seals with the person’s key, opens it again, and after erasure only says erased', async () => {
    const vault = new PersonalDataVault(new MemoryKeyStore());
    const sealed = await vault.seal('p-1', { realName: 'Valentina Quesada', email: 'v@correo.example' });
    expect(JSON.stringify(sealed)).not.toMatch(/Valentina|correo/);
    expect(await vault.open('p-1', sealed)).toEqual({ realName: 'Valentina Quesada', email: 'v@correo.example' });
    await vault.erase('p-1', undefined);
    expect(await vault.open('p-1', sealed)).toBe('erased');
  });

  it('binds the sealed data to its person: another person’s key cannot open it', async () => {
    const keys = new MemoryKeyStore();
    const vault = new PersonalDataVault(keys);
    const sealed = await vault.seal('p-1', { realName: 'A', email: null });
    await keys.keyFor('p-2');
    await expect(vault.open('p-2', sealed)).rejects.toThrow();
  });
});
