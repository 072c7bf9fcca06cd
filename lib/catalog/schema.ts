import { z } from 'zod';

/** A CDT procedure code number: "D" and four digits. Numbers are facts; names and text are ours. */
export const ProcedureCode = z.string().regex(/^D\d{4}$/, 'a procedure code is D and four digits, e.g. D0120');
export type ProcedureCode = z.infer<typeof ProcedureCode>;

/** A CDT edition, named by the calendar year it takes effect (CDT 2026 applies from 2026-01-01). */
export const Edition = z.number().int().min(2000).max(2100);

export const CATEGORIES = [
  'Diagnostic',
  'Preventive',
  'Restorative',
  'Endodontics',
  'Periodontics',
  'Prosthodontics, removable',
  'Maxillofacial prosthetics',
  'Implant services',
  'Prosthodontics, fixed',
  'Oral and maxillofacial surgery',
  'Orthodontics',
  'Adjunctive general services',
  'Sleep apnea services',
] as const;
export const Category = z.enum(CATEGORIES);
export type Category = z.infer<typeof Category>;

/**
 * What a claim line for the code must carry (Open Dental's treatment-area model):
 * NONE nothing; TOOTH a tooth; SURF a tooth and surfaces; QUAD a quadrant; ARCH an arch;
 * ARCH_IN_CODE the code itself names the arch; MOUTH whole mouth; TOOTHRANGE a range of teeth.
 */
export const LineArea = z.enum(['NONE', 'TOOTH', 'SURF', 'QUAD', 'ARCH', 'ARCH_IN_CODE', 'MOUTH', 'TOOTHRANGE']);
export type LineArea = z.infer<typeof LineArea>;

export const ToothPosition = z.enum(['anterior', 'premolar', 'molar', 'posterior']);
export const Dentition = z.enum(['primary', 'permanent']);
export const Arch = z.enum(['maxillary', 'mandibular']);

/** Which teeth a code allows; an omitted key means any. posterior = premolar or molar. */
export const AllowedTeeth = z.object({ position: ToothPosition.optional(), dentition: Dentition.optional() }).strict();

export const SurfaceCount = z
  .object({ min: z.number().int().min(1).max(5), max: z.number().int().min(1).max(5) })
  .strict()
  .refine((s) => s.min <= s.max, 'surfaces.min must not exceed surfaces.max');

const Sentence = z.string().trim().min(12).max(900);

export const KnowledgeCard = z
  .object({
    overview: z.string().trim().min(80).max(1600),
    whenToUse: z.array(Sentence).min(2).max(10),
    confusedWith: z.array(z.object({ code: ProcedureCode, difference: Sentence }).strict()).max(8),
    documentation: z.array(Sentence).min(1).max(10),
    checklist: z.array(z.string().trim().min(6).max(200)).min(3).max(14),
    billing: z.array(Sentence).min(2).max(10),
    denials: z
      .array(z.object({ reason: Sentence, appeal: Sentence }).strict())
      .min(1)
      .max(8),
    example: z.string().trim().min(60).max(1400),
    related: z.array(ProcedureCode).max(16),
    faq: z
      .array(z.object({ q: z.string().trim().min(8).max(300), a: Sentence }).strict())
      .min(2)
      .max(10),
  })
  .strict();
export type KnowledgeCard = z.infer<typeof KnowledgeCard>;

export const CodeEntry = z
  .object({
    code: ProcedureCode,
    subcategory: z.string().trim().min(3).max(80),
    /** Plain-language name in the project's own words (never the ADA nomenclature). */
    name: z.string().trim().min(3).max(90),
    /** One paragraph in the project's own words (never the ADA descriptor). */
    description: z.string().trim().min(60).max(900),
    /** Words and lay terms people type: "deep cleaning", "pano", "night guard". */
    synonyms: z.array(z.string().trim().min(2).max(60)).max(24).default([]),
    area: LineArea,
    /** For ARCH_IN_CODE: the arch the code itself names. */
    arch: Arch.optional(),
    surfaces: SurfaceCount.optional(),
    teeth: AllowedTeeth.default({}),
    byReport: z.boolean().default(false),
    /** Edition the code was added in; omitted means it predates the editions tracked here (before CDT 2020). */
    added: Edition.optional(),
    /** Edition the code was deleted in: not valid for dates of service on or after 1 January of that year. */
    deleted: Edition.optional(),
    /** Codes to use instead of a deleted code. */
    replacedBy: z.array(ProcedureCode).max(12).default([]),
    /** Where the facts come from, e.g. "shared/reference/cdt-codes.tsv (verified)". */
    provenance: z.string().trim().min(4).max(300),
    confidence: z.enum(['verified', 'recall']),
    card: KnowledgeCard,
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.area === 'SURF' && !c.surfaces)
      ctx.addIssue({ code: 'custom', message: `${c.code}: SURF codes give surfaces {min,max}` });
    if (c.area !== 'SURF' && c.surfaces)
      ctx.addIssue({ code: 'custom', message: `${c.code}: surfaces only apply to SURF codes` });
    if (c.area === 'ARCH_IN_CODE' && !c.arch)
      ctx.addIssue({ code: 'custom', message: `${c.code}: ARCH_IN_CODE codes name their arch` });
    if (c.replacedBy.length > 0 && c.deleted === undefined)
      ctx.addIssue({ code: 'custom', message: `${c.code}: replacedBy needs deleted` });
    if (c.added !== undefined && c.deleted !== undefined && c.deleted <= c.added)
      ctx.addIssue({ code: 'custom', message: `${c.code}: deleted must come after added` });
    if (c.teeth.dentition === 'primary' && c.teeth.position === 'premolar')
      ctx.addIssue({ code: 'custom', message: `${c.code}: primary teeth have no premolars` });
  });
export type CodeEntry = z.infer<typeof CodeEntry>;

/** One file of data/codes/: the codes of one category (or part of one), current and deleted. */
export const CodeFile = z.object({ category: Category, codes: z.array(CodeEntry).min(1) }).strict();
export type CodeFile = z.infer<typeof CodeFile>;
