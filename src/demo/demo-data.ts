import { EnglishTest, GradeScale } from '../applicants/applicant.enums';
import { UserRole } from '../auth/user.entity';
import { SeatRole } from '../committees/committee-member.entity';
import { AdmissionCondition, CourseOutcome, DecisionOutcome, RejectionReason } from '../decisions/decision.enums';
import { WeekOfMonth } from '../intakes/policy';
import { DocumentKind } from '../documents/document.entity';
import { CommentVisibility } from '../reviews/comment.entity';
import { Recommendation } from '../reviews/vote.entity';

/**
 * The raw tables of the demo data set. `seed.ts` turns them into entities and checks the
 * domain rules while doing so (agenda rules, conflicts, rubric coverage), so a mistake in a
 * table fails the seed loudly instead of producing a demo that contradicts DOMAIN.md.
 *
 * Every row that exists to exercise a rule says which one in a comment. All values are fixed:
 * the same data set on every machine, so tests and the README can name applicants and users.
 */

export type ProgramCode = 'MSCS' | 'MCP' | 'VACD';
export type IntakeCode = '2021-02' | '2021-10';
/** Handle of a demo user: the local part of their e-mail address. */
export type UserKey = 'officer' | 'reporter' | 'chair' | 'member1' | 'member2' | 'member3' | 'member4' | 'chair2' | 'member5' | 'member6';
export type CommitteeKey = 'graduate' | 'design';

/** Score anchors 1..5, index 0 = score 1. */
export type Levels = readonly [string, string, string, string, string];

// ---------------------------------------------------------------------------------------
// Programs, prerequisites and rubrics
// ---------------------------------------------------------------------------------------

export interface DemoCriterion {
  key: string;
  name: string;
  description: string;
  weight: number;
  levels: Levels;
}

export interface DemoProgram {
  code: ProgramCode;
  name: string;
  minAcademicReferences: number;
  portfolioRequired: boolean;
  relevantBackgroundRequired: boolean;
  prerequisites: readonly { code: string; title: string }[];
  /** The conditional route's scientific preparation: 10 courses, 60 ECTS (programs/policy.ts). */
  preparatoryCourses: readonly { code: string; title: string; ects: number }[];
  /** In display order; `position` is the index. */
  rubric: readonly DemoCriterion[];
}

/** Ten 6-ECTS courses: the shape every program's preparation has. */
function preparation(prefix: string, titles: readonly string[]): { code: string; title: string; ects: number }[] {
  return titles.map((title, i) => ({ code: `${prefix}${String(i + 1).padStart(2, '0')}`, title, ects: 6 }));
}

/** The 19 undergraduate courses Clinical Psychology expects (DOMAIN.md: missing ones are taken before starting). */
export const MCP_PREREQUISITES: readonly { code: string; title: string }[] = [
  { code: 'PSY101', title: 'Introduction to Psychology' },
  { code: 'PSY102', title: 'History and Systems of Psychology' },
  { code: 'PSY111', title: 'Statistics for Psychology I' },
  { code: 'PSY112', title: 'Statistics for Psychology II' },
  { code: 'PSY121', title: 'Research Methods in Psychology' },
  { code: 'PSY201', title: 'Developmental Psychology' },
  { code: 'PSY202', title: 'Social Psychology' },
  { code: 'PSY203', title: 'Cognitive Psychology' },
  { code: 'PSY204', title: 'Biological Psychology' },
  { code: 'PSY205', title: 'Psychology of Learning and Motivation' },
  { code: 'PSY206', title: 'Theories of Personality' },
  { code: 'PSY221', title: 'Experimental Psychology Laboratory' },
  { code: 'PSY301', title: 'Psychopathology' },
  { code: 'PSY302', title: 'Psychological Testing and Assessment' },
  { code: 'PSY303', title: 'Introduction to Clinical Psychology' },
  { code: 'PSY304', title: 'Counselling Theories and Techniques' },
  { code: 'PSY305', title: 'Health Psychology' },
  { code: 'PSY306', title: 'Introduction to Neuropsychology' },
  { code: 'PSY401', title: 'Ethics in Psychological Practice' },
];

/** The first `count` prerequisite codes: a partial record, as a psychology graduate with a shorter curriculum has. */
export function firstPrerequisites(count: number): string[] {
  return MCP_PREREQUISITES.slice(0, count).map((course) => course.code);
}

// Criteria shared by all three programs: the same anchors, so scores mean the same everywhere.
const ACADEMIC_RECORD_LEVELS: Levels = [
  '1 – Below the minimum CGPA (under 2.5/4 or 65/100), or failed core courses',
  '2 – At or just above the minimum; several weak or repeated core courses',
  '3 – Solidly above the minimum (about 2.8–3.2/4 or 72–80/100), steady in core courses',
  '4 – Strong (about 3.2–3.6/4 or 80–88/100), top grades in the core courses',
  '5 – Outstanding (above 3.6/4 or 88/100): top of the cohort, honours or thesis work',
];

const REFERENCES_LEVELS: Levels = [
  '1 – Fewer academic letters than required, or letters that say nothing specific',
  '2 – Generic letters from teachers who barely knew the applicant',
  '3 – Positive letters with some concrete examples of the applicant’s work',
  '4 – Detailed, strong letters from teachers who supervised the applicant’s work',
  '5 – Exceptional: referees rank the applicant among the best students they have taught',
];

const MOTIVATION_LEVELS: Levels = [
  '1 – No motivation letter, or one that does not address this program',
  '2 – Generic; goals vague and unrelated to the program’s content',
  '3 – Clear goals that fit the program, with some reflection on prior studies',
  '4 – Well argued: connects prior studies, experience and the program',
  '5 – Compelling, specific plan backed by sustained initiative (projects, work, volunteering)',
];

const ENGLISH_LEVELS: Levels = [
  '1 – No certificate and little evidence of English: English Language School likely',
  '2 – Below the accepted level (IELTS under 6.0, TOEFL iBT under 79): exam on arrival',
  '3 – At the accepted level (IELTS 6.0–6.5, TOEFL iBT 79–93)',
  '4 – Comfortably above (IELTS 7.0–7.5, TOEFL iBT 94–109)',
  '5 – Near-native (IELTS 8.0 or more, TOEFL iBT 110 or more), or a degree taught in English',
];

function academicRecord(weight: number): DemoCriterion {
  return {
    key: 'academic_record',
    name: 'Academic record',
    description: 'CGPA on the applicant’s own scale and results in the courses closest to the program.',
    weight,
    levels: ACADEMIC_RECORD_LEVELS,
  };
}

function references(weight: number): DemoCriterion {
  return {
    key: 'references',
    name: 'References',
    description: 'What the academic referees say, concretely, about the applicant’s ability and work.',
    weight,
    levels: REFERENCES_LEVELS,
  };
}

function motivation(weight: number): DemoCriterion {
  return {
    key: 'motivation',
    name: 'Motivation',
    description: 'Fit between the applicant’s goals, their prior studies and what the program teaches.',
    weight,
    levels: MOTIVATION_LEVELS,
  };
}

function english(weight: number): DemoCriterion {
  return {
    key: 'english',
    name: 'English',
    description: 'Readiness to study in English; without a certificate the university’s exam or school applies.',
    weight,
    levels: ENGLISH_LEVELS,
  };
}

export const PROGRAMS: readonly DemoProgram[] = [
  {
    code: 'MSCS',
    name: 'Master in Computer Science',
    minAcademicReferences: 2,
    portfolioRequired: false,
    relevantBackgroundRequired: false,
    prerequisites: [],
    preparatoryCourses: preparation('CSP', [
      'Programming Fundamentals', 'Object-Oriented Programming', 'Data Structures', 'Algorithms', 'Discrete Mathematics',
      'Computer Organization', 'Operating Systems', 'Databases', 'Computer Networks', 'Software Engineering',
    ]),
    // No portfolio criterion: the program requires no portfolio (DOMAIN.md, Rubrics).
    rubric: [
      academicRecord(0.3),
      {
        key: 'technical_background',
        name: 'Technical background',
        description: 'Programming, algorithms, mathematics and systems courses, projects or a thesis in computing.',
        weight: 0.25,
        levels: [
          '1 – Little computing in the prior degree; only an introductory programming course',
          '2 – Some programming, with gaps in algorithms, data structures or discrete mathematics',
          '3 – The core passed: programming, algorithms, databases, operating systems, networks',
          '4 – A strong core plus advanced electives or a substantial software project or thesis',
          '5 – A strong core plus research, publications, contest results or significant industry work',
        ],
      },
      references(0.15),
      motivation(0.15),
      english(0.15),
    ],
  },
  {
    code: 'MCP',
    name: 'Master in Clinical Psychology',
    minAcademicReferences: 2,
    portfolioRequired: false,
    relevantBackgroundRequired: false,
    prerequisites: MCP_PREREQUISITES,
    preparatoryCourses: preparation('PSP', [
      'Advanced Research Methods', 'Multivariate Statistics', 'Clinical Assessment', 'Psychopathology II', 'Cognitive Neuroscience',
      'Lifespan Development', 'Psychotherapy Foundations', 'Psychological Report Writing', 'Health and Behaviour', 'Professional Ethics Seminar',
    ]),
    rubric: [
      academicRecord(0.3),
      {
        key: 'psychology_foundation',
        name: 'Psychology foundation',
        description: 'How many of the 19 prerequisite courses are passed, and any supervised practice or research.',
        weight: 0.25,
        levels: [
          '1 – Few psychology courses: most of the 19 prerequisites missing',
          '2 – An introduction to psychology, but statistics, methods and clinical courses missing',
          '3 – Most prerequisites passed, including statistics and research methods',
          '4 – All or nearly all prerequisites passed, with a practicum or supervised placement',
          '5 – Full preparation plus research or clinical experience (thesis, internship in a clinic)',
        ],
      },
      references(0.15),
      motivation(0.2),
      english(0.1),
    ],
  },
  {
    code: 'VACD',
    name: 'Master in Visual Arts and Communication Design',
    minAcademicReferences: 2,
    portfolioRequired: true,
    relevantBackgroundRequired: true,
    prerequisites: [],
    preparatoryCourses: preparation('VDP', [
      'Drawing and Composition', 'Typography I', 'Colour Theory', 'History of Design', 'Photography Studio',
      'Digital Imaging', 'Visual Semiotics', 'Illustration Studio', 'Motion Basics', 'Portfolio Seminar',
    ]),
    rubric: [
      {
        key: 'portfolio',
        name: 'Creative portfolio',
        description: 'Quality, range and concept of the submitted work, and how the process is documented.',
        weight: 0.4,
        levels: [
          '1 – No portfolio, or work unrelated to visual arts and design',
          '2 – Technically weak work, little personal voice, no process shown',
          '3 – Competent work in one medium, with some process documented',
          '4 – A strong, coherent body of work across media, with clear process and concept',
          '5 – Outstanding, exhibition-ready work with a distinct voice and a mature concept',
        ],
      },
      academicRecord(0.15),
      references(0.1),
      motivation(0.2),
      english(0.15),
    ],
  },
];

// ---------------------------------------------------------------------------------------
// Intakes and review weeks
// ---------------------------------------------------------------------------------------

/** A review week by the published rule; intakes/policy.ts `monthWeek` says which days that is. */
export interface DemoWeek {
  which: WeekOfMonth;
  year: number;
  /** 1..12 */
  month: number;
}

export interface DemoIntake {
  code: IntakeCode;
  name: string;
  startsOn: string;
  /** When registration opened: the demo applicants registered one a day from this date. */
  applicationsOpen: string;
  /** In order; the last one is visa-free only (a type-D visa takes up to three months), which follows from the dates. */
  weeks: readonly DemoWeek[];
}

export const INTAKES: readonly DemoIntake[] = [
  {
    code: '2021-02',
    name: 'February 2021',
    startsOn: '2021-02-15',
    applicationsOpen: '2020-09-01T09:00:00Z',
    weeks: [
      { which: WeekOfMonth.LAST, year: 2020, month: 10 },
      { which: WeekOfMonth.LAST, year: 2020, month: 11 },
      { which: WeekOfMonth.LAST, year: 2020, month: 12 },
      { which: WeekOfMonth.LAST, year: 2021, month: 1 },
    ],
  },
  {
    code: '2021-10',
    name: 'October 2021',
    startsOn: '2021-10-01',
    applicationsOpen: '2021-03-01T09:00:00Z',
    weeks: [
      { which: WeekOfMonth.LAST, year: 2021, month: 5 },
      { which: WeekOfMonth.LAST, year: 2021, month: 6 },
      { which: WeekOfMonth.LAST, year: 2021, month: 7 },
      { which: WeekOfMonth.FIRST, year: 2021, month: 9 },
    ],
  },
];

// ---------------------------------------------------------------------------------------
// Users and committees
// ---------------------------------------------------------------------------------------

export interface DemoUser {
  key: UserKey;
  name: string;
  role: UserRole;
  /** Committee members only: an applicant from the same institution is a detected conflict. */
  institution: string | null;
}

/**
 * Every member's institution is distinct, and only the applicants marked "conflict" below
 * come from one of them: the detected conflicts in the demo are exactly the intended ones.
 */
export const USERS: readonly DemoUser[] = [
  { key: 'officer', name: 'Amra Hadžiomerović', role: UserRole.OFFICER, institution: null },
  { key: 'reporter', name: 'Kenan Šehović', role: UserRole.REPORTER, institution: null },
  { key: 'chair', name: 'Prof. Emina Hadžić', role: UserRole.COMMITTEE_MEMBER, institution: 'University of Sarajevo' },
  { key: 'member1', name: 'Dr. Murat Yılmaz', role: UserRole.COMMITTEE_MEMBER, institution: 'Boğaziçi University' },
  { key: 'member2', name: 'Dr. Jelena Petrović', role: UserRole.COMMITTEE_MEMBER, institution: 'University of Belgrade' },
  { key: 'member3', name: 'Dr. Arben Krasniqi', role: UserRole.COMMITTEE_MEMBER, institution: 'University of Prishtina' },
  { key: 'member4', name: 'Dr. Fatima Al-Mansouri', role: UserRole.COMMITTEE_MEMBER, institution: 'United Arab Emirates University' },
  { key: 'chair2', name: 'Prof. Ivana Marković', role: UserRole.COMMITTEE_MEMBER, institution: 'Academy of Fine Arts, University of Zagreb' },
  { key: 'member5', name: 'Dr. Elif Şahin', role: UserRole.COMMITTEE_MEMBER, institution: 'Mimar Sinan Fine Arts University' },
  { key: 'member6', name: 'Nikola Stojanović, MFA', role: UserRole.COMMITTEE_MEMBER, institution: 'University of Arts in Belgrade' },
];

export interface DemoCommittee {
  key: CommitteeKey;
  name: string;
  programs: readonly ProgramCode[];
  seats: readonly { user: UserKey; role: SeatRole }[];
}

export const COMMITTEES: readonly DemoCommittee[] = [
  {
    key: 'graduate',
    name: 'Graduate Admissions Committee',
    programs: ['MSCS', 'MCP'],
    seats: [
      { user: 'chair', role: SeatRole.CHAIR },
      { user: 'member1', role: SeatRole.MEMBER },
      { user: 'member2', role: SeatRole.MEMBER },
      { user: 'member3', role: SeatRole.MEMBER },
      { user: 'member4', role: SeatRole.MEMBER },
    ],
  },
  {
    // A parallel track: VACD portfolios are reviewed by artists, in their own sessions.
    key: 'design',
    name: 'Design Committee',
    programs: ['VACD'],
    seats: [
      { user: 'chair2', role: SeatRole.CHAIR },
      { user: 'member5', role: SeatRole.MEMBER },
      { user: 'member6', role: SeatRole.MEMBER },
      // Sits on both committees, so a member sees sessions of two committees.
      { user: 'member2', role: SeatRole.MEMBER },
    ],
  },
];

// ---------------------------------------------------------------------------------------
// Applicants
// ---------------------------------------------------------------------------------------

/**
 * Nationalities (ISO 3166-1 alpha-2) that need a type-D visa to study here. EU citizens and
 * the Western Balkan neighbours travel visa-free; Turkey, Kosovo, the Gulf and the wider
 * Middle East are in the visa regime. `needsVisa` is derived from this, never typed per row.
 */
export const VISA_REQUIRED = new Set(['TR', 'XK', 'AE', 'SA', 'QA', 'KW', 'OM', 'BH', 'EG', 'JO']);

export interface DemoGrade {
  value: number;
  scale: GradeScale;
}
export interface DemoEnglish {
  test: EnglishTest;
  score: number;
}

const four = (value: number): DemoGrade => ({ value, scale: GradeScale.FOUR_POINT });
const hundred = (value: number): DemoGrade => ({ value, scale: GradeScale.HUNDRED_POINT });
const ielts = (score: number): DemoEnglish => ({ test: EnglishTest.IELTS_ACADEMIC, score });
const toefl = (score: number): DemoEnglish => ({ test: EnglishTest.TOEFL_IBT, score });

export interface DemoReference {
  /** With title, e.g. "Prof. Senad Mehić". */
  name: string;
  institution: string;
  academic: boolean;
  received: boolean;
  /** Defaults to initial.surname@<institution>.example; set to make a committee member the referee. */
  email?: string;
}

export interface DemoPortfolio {
  statement: string;
  /** False: still being assembled (submittedAt null). */
  submitted: boolean;
  items: readonly { title: string; medium: string; year: number | null; url?: string }[];
}

export interface DemoApplicant {
  /** Stable handle used by the sessions and conflicts below. */
  key: string;
  intake: IntakeCode;
  program: ProgramCode;
  firstName: string;
  lastName: string;
  nationality: string;
  priorInstitution: string;
  priorDegree: string;
  ects: number;
  grade: DemoGrade;
  /** Every certificate the applicant holds; the best counts. */
  english: readonly DemoEnglish[];
  relevantBackground?: boolean;
  completedCourses?: readonly string[];
  /** Default: two received academic letters from referees at the prior institution. */
  references?: readonly DemoReference[];
  /** Kinds sent as phone photos instead of scans: the application is improper. */
  photographed?: readonly DocumentKind[];
  /** Just registered: the office has not checked the documents' quality yet. */
  documentsUnchecked?: boolean;
  portfolio?: DemoPortfolio;
  withdrawnAt?: string;
}

const ALL_PREREQUISITES = firstPrerequisites(MCP_PREREQUISITES.length);

/**
 * About 40 applicants over both intakes and three programs. Boundaries: ECTS 179/180/239/240;
 * grades 2.49/2.5 of 4 and 64/65 of 100; IELTS 5.5/6.0 and TOEFL iBT 78/79.
 */
export const APPLICANTS: readonly DemoApplicant[] = [
  // ----- February 2021 intake -------------------------------------------------------------
  // Reviewed in the closed session of the last week of October 2020 (see SESSIONS).
  {
    // Regular route, strong: admitted with a scholarship; decision published, tuition paid, letter issued.
    key: 'amar-hodzic', intake: '2021-02', program: 'MSCS',
    firstName: 'Amar', lastName: 'Hodžić', nationality: 'BA',
    priorInstitution: 'University of Tuzla', priorDegree: 'BSc Computer Science',
    ects: 240, grade: four(3.45), english: [ielts(7.0)],
  },
  {
    // Under 180 ECTS (two years of a four-year degree): transfer route only.
    key: 'emre-demir', intake: '2021-02', program: 'MSCS',
    firstName: 'Emre', lastName: 'Demir', nationality: 'TR',
    priorInstitution: 'Ege University', priorDegree: 'BSc Computer Engineering (incomplete, 2 of 4 years)',
    ects: 150, grade: four(2.9), english: [toefl(88)],
  },
  {
    // Exactly 180 ECTS: conditional route. Conflict: studied at member2's institution (SHARED_INSTITUTION).
    key: 'marko-jovanovic', intake: '2021-02', program: 'MSCS',
    firstName: 'Marko', lastName: 'Jovanović', nationality: 'RS',
    priorInstitution: 'University of Belgrade', priorDegree: 'BSc Software Engineering (3-year)',
    ects: 180, grade: four(3.1), english: [],
  },
  {
    // Partial prerequisites (14 of 19). Conflict: member1 declared one (see CONFLICTS).
    key: 'ayse-kaya', intake: '2021-02', program: 'MCP',
    firstName: 'Ayşe', lastName: 'Kaya', nationality: 'TR',
    priorInstitution: 'Hacettepe University', priorDegree: 'BA Psychology',
    ects: 240, grade: four(3.2), english: [toefl(85)],
    completedCourses: firstPrerequisites(14),
  },
  {
    // 64/100: just below the minimum of 65 on the 100-point scale.
    key: 'ilina-stojanovska', intake: '2021-02', program: 'MCP',
    firstName: 'Ilina', lastName: 'Stojanovska', nationality: 'MK',
    priorInstitution: 'Ss. Cyril and Methodius University in Skopje', priorDegree: 'BA Psychology',
    ects: 240, grade: hundred(64), english: [ielts(6.0)],
    completedCourses: firstPrerequisites(17),
  },
  {
    // Diploma and transcript photographed with a phone: improper, never scheduled; the office rejected it.
    key: 'omar-al-suwaidi', intake: '2021-02', program: 'MSCS',
    firstName: 'Omar', lastName: 'Al-Suwaidi', nationality: 'AE',
    priorInstitution: 'University of Sharjah', priorDegree: 'BSc Computer Engineering',
    ects: 240, grade: four(3.05), english: [ielts(6.5)],
    photographed: [DocumentKind.DIPLOMA, DocumentKind.TRANSCRIPT],
  },
  {
    // Exactly 2.5/4 (meets the minimum) but IELTS 5.5 (below 6.0): waitlisted.
    key: 'lejla-mehmedovic', intake: '2021-02', program: 'MSCS',
    firstName: 'Lejla', lastName: 'Mehmedović', nationality: 'BA',
    priorInstitution: 'University of Zenica', priorDegree: 'BSc Informatics',
    ects: 240, grade: four(2.5), english: [ielts(5.5)],
  },
  // Not on any agenda yet.
  {
    // Withdrew after registering.
    key: 'sara-begovic', intake: '2021-02', program: 'MCP',
    firstName: 'Sara', lastName: 'Begović', nationality: 'BA',
    priorInstitution: 'Džemal Bijedić University of Mostar', priorDegree: 'BA Psychology',
    ects: 240, grade: four(3.6), english: [],
    completedCourses: firstPrerequisites(16),
    withdrawnAt: '2020-11-12T10:30:00Z',
  },
  {
    key: 'mina-petrovic', intake: '2021-02', program: 'VACD',
    firstName: 'Mina', lastName: 'Petrović', nationality: 'ME',
    priorInstitution: 'Faculty of Fine Arts Cetinje, University of Montenegro', priorDegree: 'BA Graphic Design',
    ects: 240, grade: four(3.7), english: [ielts(7.5)], relevantBackground: true,
    portfolio: {
      statement: 'Posters, type and book covers that translate Montenegrin folk ornament into contemporary graphic language.',
      submitted: true,
      items: [
        { title: 'Ornament Alphabet', medium: 'Display typeface, 120 glyphs', year: 2019, url: 'https://portfolio.example/mina-petrovic/ornament-alphabet' },
        { title: 'Cetinje Film Nights', medium: 'Poster series, screen print', year: 2019 },
        { title: 'Lovćen Stories', medium: 'Illustrated book covers (series of 4)', year: 2020 },
        { title: 'Salt', medium: 'Photography, 12 archival prints', year: 2018 },
        { title: 'Museums of the Royal Capital', medium: 'Wayfinding and signage proposal', year: 2020 },
      ],
    },
  },
  {
    key: 'zeynep-arslan', intake: '2021-02', program: 'VACD',
    firstName: 'Zeynep', lastName: 'Arslan', nationality: 'TR',
    priorInstitution: 'Anadolu University', priorDegree: 'BFA Graphic Design',
    ects: 240, grade: four(3.15), english: [toefl(92)], relevantBackground: true,
    portfolio: {
      statement: 'Identity and motion work rooted in the crafts of Eskişehir: marbling, letterpress and meerschaum carving.',
      submitted: true,
      items: [
        { title: 'Eskişehir Tram', medium: 'Brand identity redesign', year: 2019 },
        { title: 'Ebru in Motion', medium: 'Motion graphics, 2-minute loop', year: 2020, url: 'https://portfolio.example/zeynep-arslan/ebru' },
        { title: 'Letters from Odunpazarı', medium: 'Letterpress prints', year: 2018 },
        { title: 'Quiet Rooms', medium: 'Editorial design, 48-page magazine', year: 2020 },
      ],
    },
  },
  {
    // No relevant background (economics): VACD does not consider him, portfolio or not.
    key: 'luka-horvat', intake: '2021-02', program: 'VACD',
    firstName: 'Luka', lastName: 'Horvat', nationality: 'HR',
    priorInstitution: 'Faculty of Economics and Business, University of Zagreb', priorDegree: 'BSc Business Economics',
    ects: 240, grade: four(3.3), english: [ielts(7.0)], relevantBackground: false,
    portfolio: {
      statement: 'Street photography made alongside my studies.',
      submitted: true,
      items: [
        { title: 'Adriatic Mornings', medium: 'Photography series', year: 2019 },
        { title: 'Faces of Dolac Market', medium: 'Portrait photography', year: 2020 },
        { title: 'Trešnjevka', medium: 'Self-published zine', year: 2020 },
      ],
    },
  },
  {
    // 239 ECTS: one short of the regular route. Only one academic letter received so far.
    key: 'besart-gashi', intake: '2021-02', program: 'MSCS',
    firstName: 'Besart', lastName: 'Gashi', nationality: 'XK',
    priorInstitution: 'University of Peja "Haxhi Zeka"', priorDegree: 'BSc Computer Science',
    ects: 239, grade: four(3.0), english: [toefl(81)],
    references: [
      { name: 'Prof. Fatmir Hoxha', institution: 'University of Peja "Haxhi Zeka"', academic: true, received: true },
      { name: 'Dr. Lulzim Morina', institution: 'University of Peja "Haxhi Zeka"', academic: true, received: false },
    ],
  },
  {
    // Complete, with a third, non-academic letter that does not count towards the minimum.
    key: 'faisal-al-qahtani', intake: '2021-02', program: 'MSCS',
    firstName: 'Faisal', lastName: 'Al-Qahtani', nationality: 'SA',
    priorInstitution: 'King Fahd University of Petroleum and Minerals', priorDegree: 'BSc Software Engineering',
    ects: 240, grade: four(3.62), english: [toefl(100)],
    references: [
      { name: 'Dr. Abdullah Al-Otaibi', institution: 'King Fahd University of Petroleum and Minerals', academic: true, received: true },
      { name: 'Prof. Nasser Al-Dosari', institution: 'King Fahd University of Petroleum and Minerals', academic: true, received: true },
      { name: 'Eng. Khalid Al-Ghamdi', institution: 'Dhahran Systems Integration Co.', academic: false, received: true },
    ],
  },
  {
    // No psychology prerequisites at all (a sociology degree); 3-year degree, conditional route.
    key: 'elena-popescu', intake: '2021-02', program: 'MCP',
    firstName: 'Elena', lastName: 'Popescu', nationality: 'RO',
    priorInstitution: 'University of Bucharest', priorDegree: 'BA Sociology',
    ects: 180, grade: four(3.4), english: [],
    completedCourses: [],
  },
  {
    key: 'stefan-ilic', intake: '2021-02', program: 'MSCS',
    firstName: 'Stefan', lastName: 'Ilić', nationality: 'RS',
    priorInstitution: 'University of Novi Sad', priorDegree: 'BSc Computing and Control Engineering',
    ects: 240, grade: hundred(71), english: [ielts(6.5)],
  },
  {
    // 3-year degree: conditional admission; every condition met since, so the admission is final.
    key: 'vedran-saric', intake: '2021-02', program: 'MSCS',
    firstName: 'Vedran', lastName: 'Šarić', nationality: 'HR',
    priorInstitution: 'University of Rijeka', priorDegree: 'BSc Informatics',
    ects: 180, grade: four(3.0), english: [toefl(83)],
  },
  {
    // One prerequisite missing: taken since. The recognition of her degree was refused: a failed condition.
    key: 'zehra-yildirim', intake: '2021-02', program: 'MCP',
    firstName: 'Zehra', lastName: 'Yıldırım', nationality: 'TR',
    priorInstitution: 'Ankara University', priorDegree: 'BA Psychology',
    ects: 240, grade: hundred(82), english: [ielts(6.5)],
    completedCourses: firstPrerequisites(18),
  },

  // ----- October 2021 intake --------------------------------------------------------------
  // On the blind Graduate session of the last week of May 2021 (visa applicants are allowed there).
  {
    // TOEFL iBT 79: exactly the accepted minimum.
    key: 'kerem-ozturk', intake: '2021-10', program: 'MSCS',
    firstName: 'Kerem', lastName: 'Öztürk', nationality: 'TR',
    priorInstitution: 'Middle East Technical University', priorDegree: 'BSc Computer Engineering',
    ects: 240, grade: four(3.28), english: [toefl(79)],
  },
  {
    // 179 ECTS: transfer route. IELTS 6.0: exactly the minimum. Conflict: member3 is her referee (REFEREE).
    key: 'arta-berisha', intake: '2021-10', program: 'MSCS',
    firstName: 'Arta', lastName: 'Berisha', nationality: 'XK',
    priorInstitution: 'University of Prizren "Ukshin Hoti"', priorDegree: 'BSc Software Design (incomplete)',
    ects: 179, grade: four(3.5), english: [ielts(6.0)],
    references: [
      // Taught her as a visiting lecturer; the letter makes him conflicted on her.
      { name: 'Dr. Arben Krasniqi', institution: 'University of Prishtina', academic: true, received: true, email: 'member3@conclave.example' },
      { name: 'Prof. Drita Kelmendi', institution: 'University of Prizren "Ukshin Hoti"', academic: true, received: true },
    ],
  },
  {
    // 65/100: exactly the minimum on the 100-point scale.
    key: 'nikola-petrov', intake: '2021-10', program: 'MSCS',
    firstName: 'Nikola', lastName: 'Petrov', nationality: 'BG',
    priorInstitution: 'Sofia University "St. Kliment Ohridski"', priorDegree: 'BSc Informatics',
    ects: 240, grade: hundred(65), english: [ielts(6.5)],
  },
  {
    // 2.49/4: just below the minimum. All 19 prerequisites passed.
    key: 'merve-celik', intake: '2021-10', program: 'MCP',
    firstName: 'Merve', lastName: 'Çelik', nationality: 'TR',
    priorInstitution: 'Ege University', priorDegree: 'BA Psychology',
    ects: 240, grade: four(2.49), english: [ielts(7.0)],
    completedCourses: ALL_PREREQUISITES,
  },
  {
    key: 'hana-al-mazrouei', intake: '2021-10', program: 'MCP',
    firstName: 'Hana', lastName: 'Al-Mazrouei', nationality: 'AE',
    priorInstitution: 'Zayed University', priorDegree: 'BSc Psychology',
    ects: 240, grade: four(3.7), english: [ielts(8.0)],
    completedCourses: firstPrerequisites(15),
  },
  {
    key: 'dimitra-papadopoulou', intake: '2021-10', program: 'MCP',
    firstName: 'Dimitra', lastName: 'Papadopoulou', nationality: 'GR',
    priorInstitution: 'Aristotle University of Thessaloniki', priorDegree: 'BA Psychology',
    ects: 240, grade: hundred(78), english: [toefl(95)],
    completedCourses: firstPrerequisites(12),
  },
  {
    // Exactly 180 ECTS from a 3-year degree, visa regime.
    key: 'yousef-al-mutairi', intake: '2021-10', program: 'MSCS',
    firstName: 'Yousef', lastName: 'Al-Mutairi', nationality: 'KW',
    priorInstitution: 'Kuwait University', priorDegree: 'BSc Computer Science (3-year track)',
    ects: 180, grade: four(3.12), english: [ielts(6.5)],
  },
  // On the Graduate session of the first week of September 2021: visa-free applicants only.
  {
    key: 'tarik-softic', intake: '2021-10', program: 'MSCS',
    firstName: 'Tarik', lastName: 'Softić', nationality: 'BA',
    priorInstitution: 'University of Bihać', priorDegree: 'BSc Computer Science',
    ects: 240, grade: four(3.92), english: [ielts(8.5)],
  },
  {
    key: 'maja-kovac', intake: '2021-10', program: 'MCP',
    firstName: 'Maja', lastName: 'Kovač', nationality: 'SI',
    priorInstitution: 'University of Ljubljana', priorDegree: 'BA Psychology (3-year)',
    ects: 180, grade: four(3.3), english: [],
    completedCourses: firstPrerequisites(10),
  },
  {
    key: 'jonas-weber', intake: '2021-10', program: 'MSCS',
    firstName: 'Jonas', lastName: 'Weber', nationality: 'DE',
    priorInstitution: 'Technical University of Munich', priorDegree: 'BSc Informatics (6 semesters)',
    ects: 180, grade: hundred(85), english: [toefl(108)],
  },
  {
    key: 'milica-radovic', intake: '2021-10', program: 'MSCS',
    firstName: 'Milica', lastName: 'Radović', nationality: 'ME',
    priorInstitution: 'University of Montenegro', priorDegree: 'BSc Computer Science',
    ects: 240, grade: four(3.6), english: [ielts(7.0)],
  },
  // On the Design session of the last week of June 2021.
  {
    key: 'lana-babic', intake: '2021-10', program: 'VACD',
    firstName: 'Lana', lastName: 'Babić', nationality: 'BA',
    priorInstitution: 'Academy of Fine Arts Sarajevo', priorDegree: 'BA Graphic Design',
    ects: 240, grade: four(3.55), english: [ielts(6.5)], relevantBackground: true,
    portfolio: {
      statement: 'Illustration and type for cultural institutions of a city rebuilding its public memory.',
      submitted: true,
      items: [
        { title: 'Sarajevo Film Festival Volunteers', medium: 'Campaign posters', year: 2019 },
        { title: 'Baščaršija Type Specimen', medium: 'Lettering study from shop signs', year: 2020, url: 'https://portfolio.example/lana-babic/bascarsija' },
        { title: 'Siege Kitchens', medium: 'Illustrated cookbook, 64 pages', year: 2020 },
        { title: 'National Library Reading Room', medium: 'Exhibition graphics', year: 2021 },
        { title: 'Miljacka', medium: 'Linocut series', year: 2018 },
      ],
    },
  },
  {
    key: 'deniz-yildiz', intake: '2021-10', program: 'VACD',
    firstName: 'Deniz', lastName: 'Yıldız', nationality: 'TR',
    priorInstitution: 'Istanbul Bilgi University', priorDegree: 'BA Visual Communication Design',
    ects: 240, grade: four(3.4), english: [toefl(96)], relevantBackground: true,
    portfolio: {
      statement: 'Interactive and motion work about the Bosphorus ferries and the people who depend on them.',
      submitted: true,
      items: [
        { title: 'Vapur', medium: 'Interactive web documentary', year: 2020, url: 'https://portfolio.example/deniz-yildiz/vapur' },
        { title: 'Kadıköy Nights', medium: 'Motion poster series', year: 2019 },
        { title: 'Simit Economy', medium: 'Data visualisation, printed broadsheet', year: 2020 },
        { title: 'Tiles of Rüstem Paşa', medium: 'Pattern library and textile prints', year: 2018 },
        { title: 'Ferry Timetable Redesign', medium: 'Information design', year: 2021 },
        { title: 'Untitled (Karaköy)', medium: 'Photography, 8 prints', year: 2019 },
      ],
    },
  },
  {
    key: 'noura-al-hashimi', intake: '2021-10', program: 'VACD',
    firstName: 'Noura', lastName: 'Al-Hashimi', nationality: 'AE',
    priorInstitution: 'American University of Sharjah', priorDegree: 'BSc Multimedia Design',
    ects: 240, grade: four(3.62), english: [ielts(7.5)], relevantBackground: true,
    portfolio: {
      statement: 'Bilingual Arabic–Latin typography and identity work for small businesses in the Emirates.',
      submitted: true,
      items: [
        { title: 'Two Scripts, One Voice', medium: 'Bilingual type pairing study', year: 2020 },
        { title: 'Al Qasba Café', medium: 'Brand identity', year: 2019 },
        { title: 'Heritage Area Map', medium: 'Illustrated map, print and web', year: 2021 },
        { title: 'Pearl Divers', medium: 'Animated short, 90 seconds', year: 2020, url: 'https://portfolio.example/noura-al-hashimi/pearl-divers' },
      ],
    },
  },
  {
    // 3-year fine-arts degree: conditional route; no English certificate.
    key: 'andrej-stefanovski', intake: '2021-10', program: 'VACD',
    firstName: 'Andrej', lastName: 'Stefanovski', nationality: 'MK',
    priorInstitution: 'Faculty of Fine Arts, Ss. Cyril and Methodius University in Skopje', priorDegree: 'BA Painting',
    ects: 180, grade: hundred(84), english: [], relevantBackground: true,
    portfolio: {
      statement: 'Large-format painting moving towards illustration and book design.',
      submitted: true,
      items: [
        { title: 'Ohrid, Winter', medium: 'Oil on canvas, 120 × 90 cm', year: 2019 },
        { title: 'Old Bazaar Cycle', medium: 'Ink drawings, series of 10', year: 2020 },
        { title: 'The Miller’s Daughter', medium: 'Picture-book dummy, 32 pages', year: 2021 },
      ],
    },
  },
  // Not on any agenda.
  {
    // Relevant background but no portfolio: incomplete for VACD.
    key: 'elira-hoxha', intake: '2021-10', program: 'VACD',
    firstName: 'Elira', lastName: 'Hoxha', nationality: 'AL',
    priorInstitution: 'University of Arts, Tirana', priorDegree: 'BA Scenography',
    ects: 240, grade: four(3.1), english: [toefl(81)], relevantBackground: true,
  },
  {
    // Portfolio still being assembled (not submitted): incomplete for VACD.
    key: 'katarina-vukovic', intake: '2021-10', program: 'VACD',
    firstName: 'Katarina', lastName: 'Vuković', nationality: 'HR',
    priorInstitution: 'Arts Academy, University of Split', priorDegree: 'BA Visual Communications Design',
    ects: 240, grade: four(3.35), english: [ielts(7.0)], relevantBackground: true,
    portfolio: {
      statement: 'Draft: packaging and identity work for Dalmatian producers.',
      submitted: false,
      items: [
        { title: 'Olive Oil of Brač', medium: 'Packaging design', year: 2020 },
        { title: 'Riva Summer Festival', medium: 'Festival identity', year: 2021 },
      ],
    },
  },
  {
    // TOEFL iBT 78: one point under the minimum. One academic and one employer letter: references incomplete.
    key: 'ahmed-al-thani', intake: '2021-10', program: 'MSCS',
    firstName: 'Ahmed', lastName: 'Al-Thani', nationality: 'QA',
    priorInstitution: 'Qatar University', priorDegree: 'BSc Computer Science',
    ects: 240, grade: four(3.1), english: [toefl(78)],
    references: [
      { name: 'Dr. Maryam Al-Kuwari', institution: 'Qatar University', academic: true, received: true },
      { name: 'Mr. Hamad Al-Marri', institution: 'Al Rayyan Tech Solutions', academic: false, received: true },
    ],
  },
  {
    // Both letters requested, none received yet.
    key: 'mehmet-koc', intake: '2021-10', program: 'MSCS',
    firstName: 'Mehmet', lastName: 'Koç', nationality: 'TR',
    priorInstitution: 'Istanbul Technical University', priorDegree: 'BSc Computer Engineering',
    ects: 240, grade: four(2.95), english: [toefl(90)],
    references: [
      { name: 'Prof. Dr. Ahmet Korkmaz', institution: 'Istanbul Technical University', academic: true, received: false },
      { name: 'Doç. Dr. Elif Aydoğan', institution: 'Istanbul Technical University', academic: true, received: false },
    ],
  },
  {
    // Just registered: documents not checked yet.
    key: 'lamija-halilovic', intake: '2021-10', program: 'MSCS',
    firstName: 'Lamija', lastName: 'Halilović', nationality: 'BA',
    priorInstitution: 'University of Banja Luka', priorDegree: 'BSc Computer Science',
    ects: 240, grade: four(3.05), english: [ielts(6.0)],
    documentsUnchecked: true,
  },
  {
    // Passport photographed: improper, although everything else is in order.
    key: 'aida-causevic', intake: '2021-10', program: 'MCP',
    firstName: 'Aida', lastName: 'Čaušević', nationality: 'BA',
    priorInstitution: 'University of Tuzla', priorDegree: 'BA Psychology',
    ects: 240, grade: four(3.9), english: [ielts(7.5)],
    completedCourses: firstPrerequisites(18),
    photographed: [DocumentKind.PASSPORT],
  },
  {
    key: 'lena-gruber', intake: '2021-10', program: 'MCP',
    firstName: 'Lena', lastName: 'Gruber', nationality: 'AT',
    priorInstitution: 'University of Vienna', priorDegree: 'BSc Psychology (6 semesters)',
    ects: 180, grade: hundred(88), english: [toefl(110)],
    completedCourses: firstPrerequisites(13),
  },
  {
    // Two certificates: IELTS 5.5 (half a band under the minimum) and TOEFL iBT 80 (accepted). The best counts.
    key: 'hamza-al-farsi', intake: '2021-10', program: 'MSCS',
    firstName: 'Hamza', lastName: 'Al-Farsi', nationality: 'OM',
    priorInstitution: 'Sultan Qaboos University', priorDegree: 'BSc Computer Science',
    ects: 240, grade: four(3.33), english: [ielts(5.5), toefl(80)],
  },
];

/**
 * Academic referees for applicants whose letters are not listed explicitly, by the applicant's
 * nationality. Each institution gets the next two unused names of its country's pool, so
 * applicants from the same university share referees and no referee works at two universities.
 */
export const REFEREE_POOL: Record<string, readonly string[]> = {
  BA: [
    'Prof. Senad Mehić', 'Prof. Amela Karahasanović', 'Doc. Dženan Kapetanović', 'Prof. Adnan Salihović',
    'Doc. Selma Kurtović', 'Prof. Jasmin Omerović', 'Prof. Alma Dizdarević', 'Doc. Haris Husić',
    'Prof. Mirela Jukić', 'Prof. Zoran Savić', 'Doc. Sanja Đurić', 'Prof. Edin Mujkić',
  ],
  TR: [
    'Prof. Dr. Hakan Erdem', 'Doç. Dr. Selin Kaplan', 'Dr. Burak Şen', 'Prof. Dr. Gülşen Aktaş',
    'Doç. Dr. Serkan Polat', 'Dr. Esra Doğan', 'Prof. Dr. Levent Tuna', 'Doç. Dr. Nilüfer Acar',
    'Dr. Okan Güler', 'Prof. Dr. Aylin Ekinci', 'Doç. Dr. Tolga Yavuz', 'Dr. Derya Özkan',
  ],
  RS: ['Prof. Dragan Milenković', 'Prof. Milena Stanković', 'Doc. Nenad Đorđević', 'Prof. Vesna Lazić'],
  MK: ['Prof. Vesna Trajkovska', 'Prof. Goran Angelov', 'Doc. Biljana Ristovska', 'Prof. Aleksandar Nikolovski'],
  AE: ['Dr. Mariam Al-Falasi', 'Prof. Hassan Al-Marzooqi', 'Dr. Rashid Al-Nuaimi', 'Dr. Layla Al-Shamsi', 'Prof. Omar Haddad', 'Dr. Sarah Mitchell'],
  HR: ['Prof. Tomislav Babić', 'Prof. Ivana Perić', 'Doc. Marin Jurić', 'Prof. Ante Matić', 'Doc. Petra Knežević', 'Prof. Hrvoje Šimić'],
  RO: ['Prof. Mihai Ionescu', 'Conf. Dr. Ioana Dumitrescu'],
  ME: ['Prof. Vesna Vujošević', 'Prof. Dragan Bulatović', 'Doc. Ana Šćepanović', 'Prof. Milo Radulović'],
  BG: ['Prof. Georgi Dimitrov', 'Assoc. Prof. Maria Ivanova'],
  GR: ['Prof. Konstantinos Georgiou', 'Assoc. Prof. Eleni Nikolaou'],
  SI: ['Prof. Matej Novak', 'Prof. Alenka Kranjc'],
  DE: ['Prof. Dr. Thomas Schneider', 'Prof. Dr. Katrin Hoffmann'],
  KW: ['Dr. Fahad Al-Enezi', 'Prof. Dalal Al-Rashidi'],
  OM: ['Dr. Salim Al-Busaidi', 'Prof. Aisha Al-Lawati'],
  AL: ['Prof. Ardian Shehu', 'Prof. Blerina Çela'],
  AT: ['Univ.-Prof. Martina Huber', 'Prof. Florian Bauer'],
};

// ---------------------------------------------------------------------------------------
// Conflicts of interest
// ---------------------------------------------------------------------------------------

/**
 * Declared conflicts only. The detected ones are computed live from the data above:
 * marko-jovanovic studied at member2's University of Belgrade (SHARED_INSTITUTION) and
 * member3 wrote one of arta-berisha's letters (REFEREE).
 */
export const DECLARED_CONFLICTS: readonly { user: UserKey; applicant: string; reason: string; declaredBy: UserKey }[] = [
  {
    user: 'member1',
    applicant: 'ayse-kaya',
    reason: 'I supervised her summer research internship in my lab in 2019 and we co-authored a conference poster.',
    declaredBy: 'member1',
  },
];

// ---------------------------------------------------------------------------------------
// Review sessions, votes and decisions
// ---------------------------------------------------------------------------------------

export interface DemoVote {
  member: UserKey;
  recommendation: Recommendation;
  confidence: 1 | 2 | 3;
  comment?: string;
  proposedScholarship?: number;
}

/** What the office recorded for one condition (decisions/condition.inputs.ts, the same shape). */
export type DemoEvidence =
  | { kind: AdmissionCondition.RECOGNITION_OF_PRIOR_EDUCATION; decidedOn: string; recognised: boolean; reference: string }
  | { kind: AdmissionCondition.ENGLISH_EXAM; takenOn: string; passed: boolean }
  | { kind: AdmissionCondition.MISSING_PREREQUISITES; takenCourseCodes: readonly string[] }
  | {
      kind: AdmissionCondition.PREPARATORY_COURSES;
      acceptanceSignedOn: string;
      /** Per course code of the program's list; grade points on the 4-point scale. */
      results: readonly { courseCode: string; outcome: CourseOutcome; gradePoints?: number }[];
    };

export interface DemoDecision {
  outcome: DecisionOutcome;
  /** Left out: the conditions the rules propose (decisions/policy.ts), as the API would record them. */
  conditions?: readonly AdmissionCondition[];
  rejectionReason?: RejectionReason;
  reason?: string;
  scholarshipPercent?: number;
  publishedAt?: string;
  tuitionPaidAt?: string;
  letterIssuedAt?: string;
  /** Recorded after publication, one entry per condition (its kind). */
  evidence?: readonly DemoEvidence[];
}

/** Every course of a preparatory list passed, at these grade points in turn. */
export function preparatoryResults(program: ProgramCode, points: readonly number[]): { courseCode: string; outcome: CourseOutcome; gradePoints: number }[] {
  const courses = PROGRAMS.find((p) => p.code === program)!.preparatoryCourses;
  return courses.slice(0, points.length).map((course, i) => ({ courseCode: course.code, outcome: CourseOutcome.GRADED, gradePoints: points[i] }));
}

export interface DemoComment {
  author: UserKey;
  visibility: CommentVisibility;
  body: string;
}

export interface DemoAgendaItem {
  applicant: string;
  /** The discussion during the session (closed sessions only). */
  discussion?: readonly DemoComment[];
  /** Closed sessions only: the committee's typical score per rubric key; members vary around it. */
  scores?: Readonly<Record<string, number>>;
  votes?: readonly DemoVote[];
  decision?: DemoDecision;
}

export interface DemoSession {
  committee: CommitteeKey;
  intake: IntakeCode;
  /** Index into the intake's weeks (0 = first). */
  week: number;
  title: string;
  startsAt: string;
  endsAt: string;
  status: 'SCHEDULED' | 'CLOSED';
  blind: boolean;
  agenda: readonly DemoAgendaItem[];
}

const PUBLISHED = '2020-11-05T10:00:00Z';

/**
 * Improper applications the office rejected without a session (they are never scheduled and can
 * only be rejected, for improper documents).
 */
export const OFFICE_REJECTIONS: readonly { applicant: string; at: string; publishedAt?: string }[] = [
  { applicant: 'omar-al-suwaidi', at: '2020-10-20T11:00:00Z', publishedAt: '2020-10-21T09:00:00Z' },
];

export const SESSIONS: readonly DemoSession[] = [
  {
    // The past session that shows the whole cycle: votes, revealed scores, decisions, conditions tracked since.
    committee: 'graduate',
    intake: '2021-02',
    week: 0,
    title: 'February 2021 intake — first review (Computer Science, Clinical Psychology)',
    startsAt: '2020-10-27T08:00:00Z',
    endsAt: '2020-10-27T15:00:00Z',
    status: 'CLOSED',
    blind: true,
    agenda: [
      {
        // Regular route, IELTS 7: recognition is the only condition, met on arrival — a final admission.
        applicant: 'amar-hodzic',
        discussion: [
          { author: 'chair', visibility: CommentVisibility.COMMITTEE, body: 'The thesis on graph databases is already publishable; both letters say so independently.' },
          { author: 'member2', visibility: CommentVisibility.CHAIR_AND_OFFICERS, body: 'Scholarship budget: we can fund two 50% waivers this round.' },
          { author: 'member1', visibility: CommentVisibility.PRIVATE, body: 'Ask him about the distributed systems elective next time.' },
        ],
        scores: { academic_record: 4, technical_background: 5, references: 4, motivation: 4, english: 4 },
        votes: [
          { member: 'chair', recommendation: Recommendation.ADMIT, confidence: 3, proposedScholarship: 50, comment: 'Best file of the round; thesis on graph databases.' },
          { member: 'member1', recommendation: Recommendation.ADMIT, confidence: 3, proposedScholarship: 50 },
          { member: 'member2', recommendation: Recommendation.ADMIT, confidence: 2, proposedScholarship: 30 },
          { member: 'member3', recommendation: Recommendation.ADMIT, confidence: 3 },
          { member: 'member4', recommendation: Recommendation.ADMIT, confidence: 2, proposedScholarship: 50 },
        ],
        decision: {
          outcome: DecisionOutcome.ADMIT,
          scholarshipPercent: 50,
          publishedAt: PUBLISHED,
          tuitionPaidAt: '2020-11-20T13:45:00Z',
          letterIssuedAt: '2020-11-23T09:15:00Z',
          evidence: [
            { kind: AdmissionCondition.RECOGNITION_OF_PRIOR_EDUCATION, decidedOn: '2021-02-22', recognised: true, reference: 'ENIC-2021/0147' },
          ],
        },
      },
      {
        applicant: 'emre-demir',
        scores: { academic_record: 3, technical_background: 2, references: 3, motivation: 4, english: 4 },
        votes: [
          { member: 'chair', recommendation: Recommendation.ADMIT_AS_TRANSFER, confidence: 3, comment: '150 ECTS: only the transfer route is open.' },
          { member: 'member1', recommendation: Recommendation.ADMIT_AS_TRANSFER, confidence: 3 },
          { member: 'member2', recommendation: Recommendation.ADMIT_AS_TRANSFER, confidence: 2 },
          { member: 'member3', recommendation: Recommendation.WAITLIST, confidence: 1, comment: 'Would rather see him finish the degree first.' },
          { member: 'member4', recommendation: Recommendation.ADMIT_AS_TRANSFER, confidence: 2 },
        ],
        // Recognition outstanding.
        decision: { outcome: DecisionOutcome.ADMIT_AS_TRANSFER, publishedAt: PUBLISHED },
      },
      {
        // member2 is conflicted (same institution) and has no vote here. Conditional route without a
        // certificate: preparatory courses under way (6 of 10 passed), English exam passed, recognition pending.
        applicant: 'marko-jovanovic',
        scores: { academic_record: 3, technical_background: 4, references: 3, motivation: 4, english: 2 },
        votes: [
          { member: 'chair', recommendation: Recommendation.ADMIT, confidence: 2 },
          { member: 'member1', recommendation: Recommendation.ADMIT, confidence: 2 },
          { member: 'member3', recommendation: Recommendation.WAITLIST, confidence: 2, comment: 'No English certificate; preparation year plus English is a lot.' },
          { member: 'member4', recommendation: Recommendation.ADMIT, confidence: 3 },
        ],
        decision: {
          outcome: DecisionOutcome.ADMIT,
          conditions: [AdmissionCondition.PREPARATORY_COURSES, AdmissionCondition.ENGLISH_EXAM, AdmissionCondition.RECOGNITION_OF_PRIOR_EDUCATION],
          publishedAt: PUBLISHED,
          tuitionPaidAt: '2020-11-25T10:00:00Z',
          letterIssuedAt: '2020-11-26T09:00:00Z',
          evidence: [
            { kind: AdmissionCondition.PREPARATORY_COURSES, acceptanceSignedOn: '2020-11-18', results: preparatoryResults('MSCS', [3.0, 2.7, 3.3, 2.3, 3.7, 3.0]) },
            { kind: AdmissionCondition.ENGLISH_EXAM, takenOn: '2021-02-17', passed: true },
          ],
        },
      },
      {
        // member1 declared a conflict and has no vote here. Recorded but not yet published: member1 sees nothing of it.
        applicant: 'ayse-kaya',
        scores: { academic_record: 4, psychology_foundation: 3, references: 4, motivation: 5, english: 4 },
        votes: [
          { member: 'chair', recommendation: Recommendation.ADMIT, confidence: 3, proposedScholarship: 25 },
          { member: 'member2', recommendation: Recommendation.ADMIT, confidence: 2 },
          { member: 'member3', recommendation: Recommendation.ADMIT, confidence: 2, proposedScholarship: 25 },
          { member: 'member4', recommendation: Recommendation.ADMIT, confidence: 3, proposedScholarship: 20 },
        ],
        decision: { outcome: DecisionOutcome.ADMIT, scholarshipPercent: 25 },
      },
      {
        applicant: 'ilina-stojanovska',
        scores: { academic_record: 1, psychology_foundation: 4, references: 3, motivation: 3, english: 3 },
        votes: [
          { member: 'chair', recommendation: Recommendation.REJECT, confidence: 3, comment: '64/100 is under the 65 minimum on the regular route.' },
          { member: 'member1', recommendation: Recommendation.REJECT, confidence: 3 },
          { member: 'member2', recommendation: Recommendation.REJECT, confidence: 2 },
          { member: 'member3', recommendation: Recommendation.REJECT, confidence: 3 },
          { member: 'member4', recommendation: Recommendation.WAITLIST, confidence: 1, comment: 'One point short; strong prerequisites.' },
        ],
        decision: {
          outcome: DecisionOutcome.REJECT,
          rejectionReason: RejectionReason.MINIMUM_GRADE_NOT_MET,
          reason: '64/100; the minimum on the regular route is 65/100.',
          publishedAt: PUBLISHED,
        },
      },
      {
        // member3 abstains: no scores, counted among the recommendations only.
        applicant: 'lejla-mehmedovic',
        scores: { academic_record: 2, technical_background: 3, references: 3, motivation: 3, english: 2 },
        votes: [
          { member: 'chair', recommendation: Recommendation.WAITLIST, confidence: 2 },
          { member: 'member1', recommendation: Recommendation.WAITLIST, confidence: 2 },
          { member: 'member2', recommendation: Recommendation.ADMIT, confidence: 1 },
          { member: 'member3', recommendation: Recommendation.ABSTAIN, confidence: 1, comment: 'I taught her English course; I would rather not score her.' },
          { member: 'member4', recommendation: Recommendation.REJECT, confidence: 1 },
        ],
        decision: { outcome: DecisionOutcome.WAITLIST, publishedAt: PUBLISHED },
      },
      {
        // 180 ECTS: conditional admission; the preparatory courses passed with CGPA 3.1 and the degree recognised: final.
        applicant: 'vedran-saric',
        scores: { academic_record: 3, technical_background: 4, references: 4, motivation: 4, english: 3 },
        votes: [
          { member: 'chair', recommendation: Recommendation.ADMIT, confidence: 2 },
          { member: 'member1', recommendation: Recommendation.ADMIT, confidence: 3 },
          { member: 'member2', recommendation: Recommendation.ADMIT, confidence: 2 },
          { member: 'member3', recommendation: Recommendation.ADMIT, confidence: 2 },
          { member: 'member4', recommendation: Recommendation.WAITLIST, confidence: 1 },
        ],
        decision: {
          outcome: DecisionOutcome.ADMIT,
          publishedAt: PUBLISHED,
          tuitionPaidAt: '2020-11-30T12:00:00Z',
          letterIssuedAt: '2020-12-01T09:30:00Z',
          evidence: [
            {
              kind: AdmissionCondition.PREPARATORY_COURSES,
              acceptanceSignedOn: '2020-11-16',
              results: preparatoryResults('MSCS', [3.3, 3.0, 2.7, 3.3, 3.0, 3.7, 2.7, 3.0, 3.3, 3.0]),
            },
            { kind: AdmissionCondition.RECOGNITION_OF_PRIOR_EDUCATION, decidedOn: '2021-02-24', recognised: true, reference: 'ENIC-2021/0152' },
          ],
        },
      },
      {
        // 18 of 19 prerequisites: the last one taken; recognition refused — a failed condition.
        applicant: 'zehra-yildirim',
        scores: { academic_record: 4, psychology_foundation: 4, references: 3, motivation: 4, english: 3 },
        votes: [
          { member: 'chair', recommendation: Recommendation.ADMIT, confidence: 3 },
          { member: 'member2', recommendation: Recommendation.ADMIT, confidence: 2 },
          { member: 'member3', recommendation: Recommendation.ADMIT, confidence: 2 },
          { member: 'member4', recommendation: Recommendation.ADMIT, confidence: 2 },
        ],
        decision: {
          outcome: DecisionOutcome.ADMIT,
          publishedAt: PUBLISHED,
          evidence: [
            { kind: AdmissionCondition.MISSING_PREREQUISITES, takenCourseCodes: ['PSY401'] },
            { kind: AdmissionCondition.RECOGNITION_OF_PRIOR_EDUCATION, decidedOn: '2021-03-02', recognised: false, reference: 'ENIC-2021/0188 (refused: program not accredited in 2016)' },
          ],
        },
      },
    ],
  },
  {
    // Upcoming, blind; visa applicants belong in early weeks like this one.
    committee: 'graduate',
    intake: '2021-10',
    week: 0,
    title: 'October 2021 intake — first review (Computer Science, Clinical Psychology)',
    startsAt: '2021-05-26T08:00:00Z',
    endsAt: '2021-05-26T13:00:00Z',
    status: 'SCHEDULED',
    blind: true,
    agenda: [
      { applicant: 'kerem-ozturk' },
      { applicant: 'arta-berisha' },
      { applicant: 'nikola-petrov' },
      { applicant: 'yousef-al-mutairi' },
      { applicant: 'merve-celik' },
      { applicant: 'hana-al-mazrouei' },
      { applicant: 'dimitra-papadopoulou' },
    ],
  },
  {
    // The parallel track: the Design committee reviews VACD portfolios, open scoring.
    committee: 'design',
    intake: '2021-10',
    week: 1,
    title: 'October 2021 intake — portfolio review (Visual Arts and Communication Design)',
    startsAt: '2021-06-28T09:00:00Z',
    endsAt: '2021-06-28T14:00:00Z',
    status: 'SCHEDULED',
    blind: false,
    agenda: [
      { applicant: 'lana-babic' },
      { applicant: 'deniz-yildiz' },
      { applicant: 'noura-al-hashimi' },
      { applicant: 'andrej-stefanovski' },
    ],
  },
  {
    // The visa-free-only last week: no applicant who needs a visa may appear here.
    committee: 'graduate',
    intake: '2021-10',
    week: 3,
    title: 'October 2021 intake — final review, visa-free applicants',
    startsAt: '2021-09-02T08:00:00Z',
    endsAt: '2021-09-02T12:00:00Z',
    status: 'SCHEDULED',
    blind: true,
    agenda: [{ applicant: 'tarik-softic' }, { applicant: 'maja-kovac' }, { applicant: 'jonas-weber' }, { applicant: 'milica-radovic' }],
  },
];
