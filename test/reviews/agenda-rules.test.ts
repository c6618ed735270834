import { ApplicantDocument, DocumentKind, DocumentQuality } from '../../src/documents/document.entity';
import { PortfolioItem } from '../../src/portfolios/portfolio-item.entity';
import { Portfolio } from '../../src/portfolios/portfolio.entity';
import { ReviewSession } from '../../src/reviews/review-session.entity';
import { AgendaItem, VotingStatus } from '../../src/reviews/agenda-item.entity';
import { buildApplicant, buildCompleteApplicant, buildProgram, buildReference, buildWorld } from '../support/factories';
import { refusal, startTestServer, TestServer } from '../support/test-server';

/**
 * Who may stand on a review agenda (reviews/policy.ts `agendaRefusal`), at every boundary, and
 * every writer that could break it afterwards refused with the same rule's refusal.
 */
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const ADD = `mutation($s: ID!, $a: ID!) { addToAgenda(sessionId: $s, applicantId: $a) { position } }`;

async function scene() {
  const world = await buildWorld(server.orm);
  const officer = server.tokenFor(world.officer.id);
  const gql = (query: string, variables: Record<string, unknown>) => server.gql(query, variables, officer);
  const em = server.orm.em.fork();
  // A session in the intake's last week: the visa-free one.
  const lastWeek = em.create(ReviewSession, {
    committee: world.committee.id, week: world.weeks[3].id, title: 'Final week', startsAt: new Date('2021-09-02T09:00:00Z'), endsAt: new Date('2021-09-02T12:00:00Z'),
  });
  await em.flush();
  const sessions = { first: world.gid('ReviewSession', world.session.id), last: world.gid('ReviewSession', lastWeek.id) };
  const add = (applicant: { id: string }, session = sessions.first) => gql(ADD, { s: session, a: world.gid('Applicant', applicant.id) });
  return { world, em, gql, add, sessions };
}

function expectNotEligible(response: any, problems: string[], field = 'applicantId') {
  expect(refusal(response)).toEqual({ code: 'NOT_ELIGIBLE', field });
  expect(response.errors[0].extensions.problems).toEqual(problems);
}

describe('who may be scheduled', () => {
  test('references: 1 of 2 academic letters received is incomplete, 2 of 2 is not; other letters do not count', async () => {
    const { world, em, add } = await scene();
    const one = buildApplicant(em, { program: world.program, intake: world.intake }, {}, { references: 1 });
    buildReference(em, one, { academic: false });
    buildReference(em, one, { status: 'REQUESTED' as never });
    const two = buildCompleteApplicant(em, { program: world.program, intake: world.intake });
    await em.flush();
    const refused = await add(one);
    expectNotEligible(refused, ['MISSING_REFERENCES']);
    expect(refused.errors?.[0].message).toMatch(/1 of 2 academic reference letters received/);
    expect((await add(two)).errors).toBeUndefined();
  });

  test('an improper application (one photographed document) is never scheduled; unchecked documents are no obstacle', async () => {
    const { world, em, add } = await scene();
    const improper = buildCompleteApplicant(em, { program: world.program, intake: world.intake });
    em.create(ApplicantDocument, { applicant: improper, kind: DocumentKind.DIPLOMA, fileName: 'diploma.pdf', quality: DocumentQuality.SCANNED });
    em.create(ApplicantDocument, { applicant: improper, kind: DocumentKind.TRANSCRIPT, fileName: 'IMG_7.jpg', quality: DocumentQuality.PHOTOGRAPHED });
    const unchecked = buildCompleteApplicant(em, { program: world.program, intake: world.intake });
    em.create(ApplicantDocument, { applicant: unchecked, kind: DocumentKind.DIPLOMA, fileName: 'diploma.pdf', quality: DocumentQuality.UNCHECKED });
    await em.flush();
    const refused = await add(improper);
    expectNotEligible(refused, ['IMPROPER_DOCUMENTS']);
    expect(refused.errors?.[0].message).toMatch(/IMG_7\.jpg/);
    expect((await add(unchecked)).errors).toBeUndefined();
  });

  test('VACD: a submitted portfolio with items, and a design or arts background; the refusal lists everything missing', async () => {
    const { world, em, add } = await scene();
    const vacd = buildProgram(em, { portfolioRequired: true, relevantBackgroundRequired: true });
    const committee = await em.findOneOrFail('Committee', world.committee.id, { populate: ['programs'] as never });
    (committee as any).programs.add(vacd);
    const parents = { program: vacd, intake: world.intake };
    const nothing = buildCompleteApplicant(em, parents, { relevantBackground: false });
    const draft = buildCompleteApplicant(em, parents, { relevantBackground: true });
    em.create(PortfolioItem, { portfolio: em.create(Portfolio, { applicant: draft }), title: 'Posters', medium: 'print', position: 0 });
    const empty = buildCompleteApplicant(em, parents, { relevantBackground: true });
    em.create(Portfolio, { applicant: empty, submittedAt: new Date() });
    const noBackground = buildCompleteApplicant(em, parents, { relevantBackground: false });
    em.create(PortfolioItem, { portfolio: em.create(Portfolio, { applicant: noBackground, submittedAt: new Date() }), title: 'Posters', medium: 'print', position: 0 });
    const ready = buildCompleteApplicant(em, parents, { relevantBackground: true });
    em.create(PortfolioItem, { portfolio: em.create(Portfolio, { applicant: ready, submittedAt: new Date() }), title: 'Posters', medium: 'print', position: 0 });
    await em.flush();
    expectNotEligible(await add(nothing), ['MISSING_PORTFOLIO', 'NO_RELEVANT_BACKGROUND']);
    expectNotEligible(await add(draft), ['MISSING_PORTFOLIO']);
    expectNotEligible(await add(empty), ['MISSING_PORTFOLIO']);
    expectNotEligible(await add(noBackground), ['NO_RELEVANT_BACKGROUND']);
    expect((await add(ready)).errors).toBeUndefined();
  });

  test('the visa rule: the last week of the intake only without a visa; a withdrawn applicant never', async () => {
    const { world, em, add, sessions } = await scene();
    const visa = buildCompleteApplicant(em, { program: world.program, intake: world.intake }, { needsVisa: true });
    const free = buildCompleteApplicant(em, { program: world.program, intake: world.intake }, { needsVisa: false });
    const withdrawn = buildCompleteApplicant(em, { program: world.program, intake: world.intake }, { withdrawnAt: new Date() });
    await em.flush();
    expectNotEligible(await add(visa, sessions.last), ['NEEDS_VISA_IN_VISA_FREE_WEEK']);
    expect((await add(visa, sessions.first)).errors).toBeUndefined();
    expect((await add(free, sessions.last)).errors).toBeUndefined();
    expect(refusal(await add(withdrawn))).toEqual({ code: 'INVALID_STATE', field: 'applicantId' });
  });
});

describe('every writer that could break it after scheduling is refused with the same rule', () => {
  async function scheduled() {
    const s = await scene();
    const applicant = buildCompleteApplicant(s.em, { program: s.world.program, intake: s.world.intake });
    await s.em.flush();
    expect((await s.add(applicant, s.sessions.last)).errors).toBeUndefined();
    return { ...s, applicant, id: s.world.gid('Applicant', applicant.id) };
  }

  test('needsVisa turning true while on the visa-free week’s agenda; fine in an ordinary week, and once voting closed', async () => {
    const { world, gql, id, em, applicant } = await scheduled();
    const UPDATE = `mutation($id: ID!, $v: Boolean!) { updateApplicant(id: $id, input: { needsVisa: $v }) { needsVisa } }`;
    const refused = await gql(UPDATE, { id, v: true });
    expectNotEligible(refused, ['NEEDS_VISA_IN_VISA_FREE_WEEK'], 'needsVisa');
    expect(refused.errors?.[0].message).toMatch(/Final week/);
    expect((await em.fork().findOneOrFail('Applicant', applicant.id) as any).needsVisa).toBe(false);
    await em.nativeUpdate(AgendaItem, { applicant: applicant.id }, { votingStatus: VotingStatus.CLOSED });
    expect((await gql(UPDATE, { id, v: true })).data.updateApplicant.needsVisa).toBe(true);

    const other = buildCompleteApplicant(em, { program: world.program, intake: world.intake });
    await em.flush();
    await gql(ADD, { s: world.gid('ReviewSession', world.session.id), a: world.gid('Applicant', other.id) });
    expect((await gql(UPDATE, { id: world.gid('Applicant', other.id), v: true })).errors).toBeUndefined();
  });

  test('a document marked or added as photographed; removing the applicant from the agenda first makes it possible', async () => {
    const { gql, id } = await scheduled();
    const doc = await gql(`mutation($a: ID!) { addDocument(applicantId: $a, kind: DIPLOMA, fileName: "diploma.pdf") { id } }`, { a: id });
    expectNotEligible(await gql(`mutation($d: ID!) { setDocumentQuality(id: $d, quality: PHOTOGRAPHED) { id } }`, { d: doc.data.addDocument.id }), ['IMPROPER_DOCUMENTS'], 'quality');
    expectNotEligible(await gql(`mutation($a: ID!) { addDocument(applicantId: $a, kind: PASSPORT, fileName: "IMG.jpg", quality: PHOTOGRAPHED) { id } }`, { a: id }), ['IMPROPER_DOCUMENTS'], 'quality');
    const { data } = await gql(`query($id: ID!) { applicant(id: $id) { agendaItems { session { id } } } }`, { id });
    await gql(`mutation($s: ID!, $a: ID!) { removeFromAgenda(sessionId: $s, applicantId: $a) { id } }`, { s: data.applicant.agendaItems[0].session.id, a: id });
    expect((await gql(`mutation($d: ID!) { setDocumentQuality(id: $d, quality: PHOTOGRAPHED) { quality } }`, { d: doc.data.addDocument.id })).data.setDocumentQuality.quality).toBe('PHOTOGRAPHED');
  });

  test('a reference letter removed, a portfolio emptied, a background withdrawn', async () => {
    const { gql, id } = await scheduled();
    const { data } = await gql(`query($id: ID!) { applicant(id: $id) { references { id } } }`, { id });
    expectNotEligible(await gql(`mutation($r: ID!) { removeReference(id: $r) { id } }`, { r: data.applicant.references[0].id }), ['MISSING_REFERENCES'], 'id');

    const s = await scene();
    const vacd = buildProgram(s.em, { portfolioRequired: true, relevantBackgroundRequired: true });
    (await s.em.findOneOrFail('Committee', s.world.committee.id, { populate: ['programs'] as never }) as any).programs.add(vacd);
    const designer = buildCompleteApplicant(s.em, { program: vacd, intake: s.world.intake }, { relevantBackground: true });
    const item = s.em.create(PortfolioItem, { portfolio: s.em.create(Portfolio, { applicant: designer, submittedAt: new Date() }), title: 'Posters', medium: 'print', position: 0 });
    await s.em.flush();
    expect((await s.add(designer)).errors).toBeUndefined();
    const designerId = s.world.gid('Applicant', designer.id);
    expectNotEligible(await s.gql(`mutation($i: ID!) { removePortfolioItem(id: $i) { id } }`, { i: s.world.gid('PortfolioItem', item.id) }), ['MISSING_PORTFOLIO'], 'id');
    expectNotEligible(await s.gql(`mutation($id: ID!) { updateApplicant(id: $id, input: { relevantBackground: false }) { id } }`, { id: designerId }), ['NO_RELEVANT_BACKGROUND'], 'relevantBackground');
  });

  test('a program’s stricter requirements, and a committee no longer reviewing the program', async () => {
    const { gql, world } = await scheduled();
    const program = world.gid('Program', world.program.id);
    expectNotEligible(await gql(`mutation($p: ID!) { updateProgram(id: $p, input: { minAcademicReferences: 3 }) { id } }`, { p: program }), ['MISSING_REFERENCES'], 'minAcademicReferences');
    expectNotEligible(await gql(`mutation($p: ID!) { updateProgram(id: $p, input: { relevantBackgroundRequired: true }) { id } }`, { p: program }), ['NO_RELEVANT_BACKGROUND'], 'relevantBackgroundRequired');
    expect((await gql(`mutation($p: ID!) { updateProgram(id: $p, input: { minAcademicReferences: 2, name: "Renamed" }) { name } }`, { p: program })).data.updateProgram.name).toBe('Renamed');
    const moved = await gql(`mutation($c: ID!, $p: [ID!]!) { updateCommittee(id: $c, programIds: $p) { id } }`, {
      c: world.gid('Committee', world.committee.id),
      p: [world.gid('Program', world.otherProgram.id)],
    });
    expect(refusal(moved)).toEqual({ code: 'BAD_USER_INPUT', field: 'programIds' });
  });
});
