import { Decision } from '../../src/decisions/decision.entity';
import { DecisionOutcome } from '../../src/decisions/decision.enums';
import { ApplicantDocument, DocumentKind, DocumentQuality } from '../../src/documents/document.entity';
import { PortfolioItem } from '../../src/portfolios/portfolio-item.entity';
import { Portfolio } from '../../src/portfolios/portfolio.entity';
import { AgendaItem } from '../../src/reviews/agenda-item.entity';
import { buildApplicant, buildReference, buildWorld, World } from '../support/factories';
import { startTestServer, TestServer } from '../support/test-server';

/** No N+1: the number of SQL statements for a page does not grow with the page. */
let server: TestServer;
let world: World;

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server.orm);
  const em = world.em;
  for (let i = 0; i < 60; i++) {
    const applicant = buildApplicant(em, { program: world.program, intake: world.intake });
    for (let r = 0; r < 2 + (i % 2); r++) buildReference(em, applicant);
    const portfolio = em.create(Portfolio, { applicant, submittedAt: new Date() });
    for (let p = 0; p < i % 4; p++) em.create(PortfolioItem, { portfolio, title: `Work ${p}`, medium: 'print', position: p });
    em.create(ApplicantDocument, { applicant, kind: DocumentKind.DIPLOMA, fileName: 'diploma.pdf', quality: DocumentQuality.SCANNED });
    if (i % 3 === 0) em.create(Decision, { applicant, outcome: DecisionOutcome.WAITLIST });
    em.create(AgendaItem, { session: world.session, applicant, position: 10 + i });
  }
  await em.flush();
});
afterAll(() => server.stop());

const PAGE = `query($first: Int!) {
  applicants(first: $first) {
    totalCount
    nodes {
      id fullName status route
      program { code rubric { key } prerequisites { code } }
      intake { code reviewWeeks { label } }
      references { refereeName status }
      portfolio { submittedAt items { title } }
      portfolioItems { title }
      documents { kind quality }
      eligibility { route complete missingPrerequisites { code } allowedReviewWeekIds issues }
      decision { outcome }
      agendaItems { position session { title } tally { voteCount } votes { id } }
      votes { id }
    }
  }
}`;

async function statementsFor(first: number, token: string): Promise<number> {
  const before = server.sqlStatements();
  const response = await server.gql(PAGE, { first }, token);
  expect(response.errors).toBeUndefined();
  expect(response.data.applicants.nodes).toHaveLength(first);
  return server.sqlStatements() - before;
}

test.each([
  ['an officer', () => world.officer],
  ['a committee member', () => world.members[0]],
])('a page of 50 applicants with every relation costs %s no more statements than a page of 1', async (_who, user) => {
  const token = await server.tokenFor(user().id);
  const one = await statementsFor(1, token);
  const fifty = await statementsFor(50, token);
  expect(fifty).toBe(one);
  expect(fifty).toBeLessThanOrEqual(25);
});
