/**
 * The app's assumption logic: a flow that stops at a non-Azure-Firewall appliance, the action that
 * assumes the appliance allows everything (re-evaluated at once, edits kept), the way back, the
 * project round trip (the project's assumptions are in force as it loads), and a new estate
 * starting from the defaults.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { EstateVerdict, FlowVerdict } from '../../shared/engine/verdict';
import { loadEstate } from '../state/loadEstate';
import { useApp } from '../state/store';
import { evaluatorOverrides, normalizeOverrides, setEvaluatorOverrides } from '../whatif/evaluator';
import { currentProject, openProjectData } from '../whatif/projectIo';
import { ensureWhatIf, pushEdits, setAssumptions, useWhatIf } from '../whatif/whatifStore';
import { appliancesStopping } from './ComputeAssumptions';
import { allowedAppliances, applianceAssumedForFlow, applianceStoppingFlow, assumptionsNamedBy, withApplianceAllowed } from './applianceAssumption';
import { NVA_IP, nvaEstate } from './testing/nvaEstate';

const verdict = (): EstateVerdict => useApp.getState().estate!.verdict;
const flows = (): readonly FlowVerdict[] => verdict().computes.flatMap((c) => c.flows);
const valueOf = (id: string): string | undefined => verdict().assumptions.find((a) => a.id === id)?.value;
const open = (name = 'nva.json') => {
  useApp.getState().setEstate(loadEstate(nvaEstate(), name));
  ensureWhatIf();
};

beforeEach(() => {
  useApp.getState().setEstate(undefined);
  setEvaluatorOverrides({});
  useWhatIf.setState({ assumptions: {} });
});

describe('appliance assumption helpers', () => {
  it('edit the allow-all list and drop it when empty', () => {
    const one = withApplianceAllowed({ peeringAccess: 'receivingSide' }, '10.0.0.4', true);
    expect(one).toEqual({ peeringAccess: 'receivingSide', allowAllAppliances: '10.0.0.4' });
    const two = withApplianceAllowed(one, '10.0.0.5', true);
    expect(allowedAppliances(two)).toEqual(['10.0.0.4', '10.0.0.5']);
    expect(withApplianceAllowed(withApplianceAllowed(two, '10.0.0.4', false), '10.0.0.5', false)).toEqual({ peeringAccess: 'receivingSide' });
  });

  it('overrides equal to the defaults are no overrides; bad ones are refused with the engine message', () => {
    expect(normalizeOverrides({ portRuleMatchesIcmp: 'false', allowAllAppliances: '', peeringAccess: 'receivingSide' })).toEqual({ peeringAccess: 'receivingSide' });
    expect(() => normalizeOverrides({ noSuchThing: 'x' })).toThrow(/Unknown assumption "noSuchThing"/);
    expect(() => normalizeOverrides({ portRuleMatchesIcmp: 'maybe' })).toThrow(/true or false/);
  });
});

describe('assumptions in the app', () => {
  it('a flow stopping at the appliance turns decided once the appliance is assumed to allow all, and back', () => {
    open();
    const stopping = flows().filter((f) => applianceStoppingFlow(f) === NVA_IP);
    expect(stopping.length).toBeGreaterThan(3);
    expect(appliancesStopping(verdict().computes[0]!)).toEqual(new Map([[NVA_IP, stopping.length]]));
    expect(valueOf('allowAllAppliances')).toBe('');
    expect(pushEdits([{ kind: 'compute.setPublicIp', computeId: verdict().computes[0]!.id, enabled: true }])).toBeUndefined();

    expect(setAssumptions(withApplianceAllowed({}, NVA_IP, true))).toBeUndefined();
    expect(valueOf('allowAllAppliances')).toBe(NVA_IP);
    expect(useWhatIf.getState().assumptions).toEqual({ allowAllAppliances: NVA_IP });
    expect(flows().filter((f) => applianceStoppingFlow(f))).toEqual([]);
    const o1 = flows().find((f) => f.requirement === 'O1')!;
    expect(o1.status).toBe('allowed');
    expect(applianceAssumedForFlow(o1, useWhatIf.getState().assumptions)).toBe(NVA_IP);
    expect(assumptionsNamedBy(o1, verdict().assumptions.map((a) => a.id))).toContain('allowAllAppliances');
    expect(useWhatIf.getState().state!.history.edits).toHaveLength(1); // the edit survives re-evaluation
    expect(useWhatIf.getState().notice?.text).toMatch(/into or out of unknown/);

    setAssumptions(withApplianceAllowed(useWhatIf.getState().assumptions, NVA_IP, false));
    expect(flows().filter((f) => applianceStoppingFlow(f) === NVA_IP)).toHaveLength(stopping.length);
    expect(useWhatIf.getState().assumptions).toEqual({});
  });

  it('a bad value changes nothing and says why', () => {
    open();
    const before = verdict();
    expect(setAssumptions({ autoNsgRulePriority: 'high' })).toMatch(/takes a number/);
    expect(verdict()).toBe(before);
    expect(evaluatorOverrides()).toEqual({});
  });

  it('saves the assumptions with the project; reopening evaluates under them from the start', () => {
    open();
    setAssumptions({ allowAllAppliances: NVA_IP });
    const project = currentProject()!;
    expect(project.assumptions).toEqual({ allowAllAppliances: NVA_IP });

    useApp.getState().setEstate(undefined);
    setEvaluatorOverrides({});
    useWhatIf.setState({ assumptions: {} });
    openProjectData(project, 'nva.vnetlens.json');
    expect(valueOf('allowAllAppliances')).toBe(NVA_IP);
    ensureWhatIf();
    expect(useWhatIf.getState().assumptions).toEqual({ allowAllAppliances: NVA_IP });
    expect(flows().some((f) => applianceStoppingFlow(f))).toBe(false);
  });

  it('a project whose assumptions this build does not know opens with the defaults and a note', () => {
    open();
    const project = { ...currentProject()!, assumptions: { fromTheFuture: 'yes' } };
    openProjectData(project, 'future.vnetlens.json');
    ensureWhatIf();
    expect(useWhatIf.getState().assumptions).toEqual({});
    expect(useWhatIf.getState().notice).toMatchObject({ kind: 'error', text: expect.stringMatching(/fromTheFuture/) });
  });

  it('a newly opened estate starts from the defaults', () => {
    open();
    setAssumptions({ allowAllAppliances: NVA_IP });
    open('other.json');
    expect(useWhatIf.getState().assumptions).toEqual({});
    expect(valueOf('allowAllAppliances')).toBe('');
    expect(flows().some((f) => applianceStoppingFlow(f) === NVA_IP)).toBe(true);
  });
});
