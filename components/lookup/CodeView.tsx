import { useEffect } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { type FullCode, lookupEntry } from '../../lib/catalog/cards';
import { ruleTables } from '../../lib/catalog';
import { Odontogram } from '../Odontogram';
import { CodeLink } from './CodeLink';
import { EditionNote } from './EditionNote';
import { codeFacts } from './facts';
import type { PayerProfile } from '../../lib/payers/schema';
import { PayerSettings } from './PayerSettings';
import { useCards } from './use-cards';
import { type LicensedText, useLicensedText } from './use-licensed';

const SECTIONS = [
  ['line', 'What the claim line needs'],
  ['payer', 'Payer settings'],
  ['overview', 'Overview'],
  ['when', 'When to use'],
  ['similar', 'Versus similar codes'],
  ['checklist', 'Documentation checklist'],
  ['billing', 'Billing guide'],
  ['denials', 'Denials and appeals'],
  ['example', 'Example'],
  ['related', 'Related codes'],
  ['faq', 'FAQ'],
] as const;
type SectionId = (typeof SECTIONS)[number][0];

function Section({ id, children }: { id: SectionId; children: ComponentChildren }) {
  const title = SECTIONS.find(([s]) => s === id)![1];
  return (
    <section id={`sec-${id}`} aria-labelledby={`h-${id}`} class="card-section">
      <h3 id={`h-${id}`}>{title}</h3>
      {children}
    </section>
  );
}

const NAV_LABEL: Partial<Record<SectionId, string>> = {
  line: 'Claim line',
  payer: 'Payer',
  similar: 'Similar codes',
  checklist: 'Checklist',
  denials: 'Denials',
};

function JumpNav() {
  return (
    <nav aria-label="Sections of this code" class="jump">
      {SECTIONS.map(([id, title]) => (
        <button
          key={id}
          type="button"
          class="linklike"
          onClick={() => document.getElementById(`sec-${id}`)?.scrollIntoView({ block: 'start' })}
        >
          {NAV_LABEL[id] ?? title}
        </button>
      ))}
    </nav>
  );
}

function TypicalRules({ code }: { code: string }) {
  const facts = codeFacts(code, ruleTables());
  const lists = [facts.frequency, facts.conflicts, facts.ages, facts.attachments, facts.priorAuth];
  const none = lists.every((f) => !f.length);
  if (none) return <p class="muted">No typical frequency, same-day, age, attachment or prior-authorisation rules.</p>;
  return (
    <dl class="facts">
      {facts.frequency.length ? (
        <div>
          <dt>Frequency</dt>
          {facts.frequency.map((f) => (
            <dd key={f}>{f}</dd>
          ))}
        </div>
      ) : null}
      {facts.conflicts.length ? (
        <div>
          <dt>Not on the same day as</dt>
          {facts.conflicts.map((c) => (
            <dd key={c.reason}>
              {c.codes.map((x, i) => (
                <span key={x}>
                  {i ? ', ' : ''}
                  <CodeLink code={x} />
                </span>
              ))}
              : {c.reason}
            </dd>
          ))}
        </div>
      ) : null}
      {facts.ages.length ? (
        <div>
          <dt>Ages</dt>
          {facts.ages.map((a) => (
            <dd key={a}>{a}</dd>
          ))}
        </div>
      ) : null}
      {facts.attachments.length ? (
        <div>
          <dt>Attachments</dt>
          <dd>{facts.attachments.join('; ')}</dd>
        </div>
      ) : null}
      {facts.priorAuth.length ? (
        <div>
          <dt>Prior authorisation</dt>
          {facts.priorAuth.map((p) => (
            <dd key={p}>{p}</dd>
          ))}
        </div>
      ) : null}
    </dl>
  );
}

function CardBody({ full }: { full: FullCode }) {
  const { card } = full;
  return (
    <>
      <Section id="overview">
        <p>{card.overview}</p>
      </Section>
      <Section id="when">
        <ul>
          {card.whenToUse.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      </Section>
      <Section id="similar">
        {card.confusedWith.length ? (
          <ul class="versus">
            {card.confusedWith.map((c) => (
              <li key={c.code}>
                <CodeLink code={c.code} withName />
                <p>{c.difference}</p>
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">No commonly confused codes.</p>
        )}
      </Section>
      <Section id="checklist">
        <ul class="checklist">
          {card.checklist.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
        <h4>What the record shows</h4>
        <ul>
          {card.documentation.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      </Section>
      <Section id="billing">
        <ul>
          {card.billing.map((b) => (
            <li key={b}>{b}</li>
          ))}
        </ul>
      </Section>
      <Section id="denials">
        <dl class="denials">
          {card.denials.map((d) => (
            <div key={d.reason}>
              <dt>{d.reason}</dt>
              <dd>
                <strong>Appeal: </strong>
                {d.appeal}
              </dd>
            </div>
          ))}
        </dl>
      </Section>
      <Section id="example">
        <p>{card.example}</p>
      </Section>
      <Section id="related">
        {card.related.length ? (
          <ul class="related">
            {card.related.map((c) => (
              <li key={c}>
                <CodeLink code={c} withName />
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">None listed.</p>
        )}
      </Section>
      <Section id="faq">
        <dl class="faq">
          {card.faq.map((f) => (
            <div key={f.q}>
              <dt>{f.q}</dt>
              <dd>{f.a}</dd>
            </div>
          ))}
        </dl>
      </Section>
    </>
  );
}

/**
 * The code's description: CDT Lens's own plain-language summary, and beside it, when the practice imported its
 * licensed CDT file, the ADA's nomenclature and descriptor from that file, each clearly labelled.
 */
function Descriptions({ summary, licensed }: { summary: string; licensed: LicensedText | null }) {
  if (!licensed) return <p data-summary>{summary}</p>;
  return (
    <dl class="descriptions">
      <div data-summary>
        <dt>CDT Lens plain-language summary</dt>
        <dd>{summary}</dd>
      </div>
      <div class="licensed" data-licensed>
        <dt>Licensed CDT descriptor (from your practice’s file)</dt>
        {licensed.nomenclature ? (
          <dd class="nomenclature">
            <span class="visually-hidden">Nomenclature: </span>
            {licensed.nomenclature}
          </dd>
        ) : null}
        {licensed.descriptor ? <dd class="descriptor">{licensed.descriptor}</dd> : null}
        <dd class="source">From {licensed.source}, kept in this browser only.</dd>
      </div>
    </dl>
  );
}

export interface CodeViewProps {
  code: string;
  payerId: string;
  /** Every payer profile in force, "Default" first. */
  profiles: readonly PayerProfile[];
  /** The payer in force on the current tab, if known. */
  tabPayerId?: string;
  onPayerChange(id: string): void;
  onOpened(code: string): void;
  onCopy(code: string): void;
  onCompare(code: string): void;
  onBack(): void;
}

/** Everything about one code: its knowledge card, what the line needs, its edition and the payer's settings. */
export function CodeView(props: CodeViewProps) {
  const { code, payerId, profiles, tabPayerId, onPayerChange, onOpened, onCopy, onCompare, onBack } = props;
  const entry = lookupEntry(code);
  const full = useCards([code])[code];
  const licensed = useLicensedText(entry?.code ?? code);
  useEffect(() => {
    if (entry) onOpened(entry.code);
  }, [entry?.code]); // record each code once per opening

  const back = (
    <button type="button" class="linklike back" onClick={onBack}>
      ← Results
    </button>
  );
  if (!entry)
    return (
      <article class="code-view" aria-labelledby="code-title">
        {back}
        <h2 id="code-title">{code}</h2>
        <p>{code} is not a CDT code in this catalog. Check the number, or search by words.</p>
      </article>
    );

  return (
    <article class="code-view" aria-labelledby="code-title" data-code={entry.code}>
      {back}
      <h2 id="code-title">
        <span class="code">{entry.code}</span> <span class="name">{entry.name}</span>
      </h2>
      <p class="muted small">
        {entry.category} › {entry.subcategory}
        {full?.byReport ? ' · by report (send a narrative)' : ''}
      </p>
      <div class="actions">
        <button type="button" onClick={() => onCopy(entry.code)}>
          Copy code
        </button>
        <button type="button" onClick={() => onCompare(entry.code)}>
          Add to compare
        </button>
      </div>
      <EditionNote entry={entry} />
      <Descriptions summary={entry.description} licensed={licensed} />

      <JumpNav />

      <Section id="line">
        {full ? <Odontogram needs={full} code={entry.code} /> : <p class="muted">Loading…</p>}
      </Section>
      <Section id="payer">
        <PayerSettings
          code={entry.code}
          payerId={payerId}
          profiles={profiles}
          tabPayerId={tabPayerId}
          onPayerChange={onPayerChange}
        />
        <h4>Typical payer rules</h4>
        <TypicalRules code={entry.code} />
      </Section>

      {full === undefined ? <p class="muted">Loading the knowledge card…</p> : null}
      {full === null ? <p class="muted">No knowledge card for {entry.code}.</p> : null}
      {full ? <CardBody full={full} /> : null}
    </article>
  );
}
