import { describe, expect, it } from 'vitest';
import { fdiTooth, parseTeeth, parseToothSystem, universalTooth } from '../../../lib/claim/teeth';

describe('Universal tooth numbering', () => {
  it.each([
    ['1', 'molar', 'UR', 'permanent'],
    ['4', 'premolar', 'UR', 'permanent'],
    ['6', 'anterior', 'UR', 'permanent'],
    ['11', 'anterior', 'UL', 'permanent'],
    ['12', 'premolar', 'UL', 'permanent'],
    ['16', 'molar', 'UL', 'permanent'],
    ['19', 'molar', 'LL', 'permanent'],
    ['22', 'anterior', 'LL', 'permanent'],
    ['28', 'premolar', 'LR', 'permanent'],
    ['30', 'molar', 'LR', 'permanent'],
    ['A', 'molar', 'UR', 'primary'],
    ['C', 'anterior', 'UR', 'primary'],
    ['J', 'molar', 'UL', 'primary'],
    ['K', 'molar', 'LL', 'primary'],
    ['M', 'anterior', 'LL', 'primary'],
    ['T', 'molar', 'LR', 'primary'],
  ])('tooth %s is a %s in %s (%s)', (t, position, quadrant, dentition) =>
    expect(universalTooth(t)).toMatchObject({ position, quadrant, dentition, supernumerary: false }));

  it('reads supernumerary teeth 51-82 and AS-TS like their neighbours', () => {
    expect(universalTooth('53')).toMatchObject({ universal: '53', position: 'molar', supernumerary: true });
    expect(universalTooth('as')).toMatchObject({ universal: 'AS', dentition: 'primary', supernumerary: true });
  });

  it('parses lists, ranges, hashes and case', () => {
    expect(parseTeeth('#3, 14').teeth.map((t) => t.universal)).toEqual(['3', '14']);
    expect(parseTeeth('6-11')).toMatchObject({ range: true, invalid: [] });
    expect(parseTeeth('6-11').teeth).toHaveLength(6);
    expect(parseTeeth('c-h').teeth.map((t) => t.universal)).toEqual(['C', 'D', 'E', 'F', 'G', 'H']);
    expect(parseTeeth('3 A').teeth).toHaveLength(2);
  });

  it('reports what is not a tooth', () => {
    expect(parseTeeth('33, 3').invalid).toEqual(['33']);
    expect(parseTeeth('3-C').invalid).toEqual(['3-C']);
    expect(parseTeeth('').teeth).toEqual([]);
  });
});

describe('ISO/FDI numbering (tooth system JO)', () => {
  it.each([
    ['18', '1'],
    ['11', '8'],
    ['21', '9'],
    ['28', '16'],
    ['38', '17'],
    ['31', '24'],
    ['41', '25'],
    ['48', '32'],
    ['55', 'A'],
    ['51', 'E'],
    ['61', 'F'],
    ['65', 'J'],
    ['75', 'K'],
    ['71', 'O'],
    ['81', 'P'],
    ['85', 'T'],
  ])('FDI %s is Universal %s', (fdi, universal) => expect(fdiTooth(fdi)?.universal).toBe(universal));

  it('knows the system from item 26', () => {
    expect(parseToothSystem('JO')).toBe('JO');
    expect(parseToothSystem('ISO 3950')).toBe('JO');
    expect(parseToothSystem('JP')).toBe('JP');
    expect(parseToothSystem('')).toBe('JP');
  });

  it('rejects numbers that are not FDI teeth', () => {
    expect(parseTeeth('19 3 56', 'JO').invalid).toEqual(['19', '3', '56']);
  });
});

describe('ranges written with spaces', () => {
  it('reads "2 - 5" as a range', () => expect(parseTeeth('2 - 5')).toMatchObject({ range: true, invalid: [] }));
});
