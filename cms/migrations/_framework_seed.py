"""Frameworks of professional standards seeded by cms/migrations/0002_seed_frameworks.py.

Sources (checked 2026-11, through stored copies of the pages; no live fetch was possible):

1. Social Work England professional standards (published July 2019, in force 2 December 2019)
   - https://www.socialworkengland.org.uk/standards/professional-standards/
     ("Professional standards": intro text, "As a social worker, I will:", 1.1-1.7 verbatim,
     start of 2.1 "Be open, honest, r...").
   - https://www.socialworkengland.org.uk/cpd/the-cpd-standard/
     ("The CPD standard": 4.1-4.8 verbatim; heading "Standard 4: maintain my continuing
     professional development" also on https://www.socialworkengland.org.uk/cpd/).
   - https://www.socialworkengland.org.uk/standards/professional-standards-guidance/
     (guidance, last updated 9 April 2020: confirms numbering of 3.1 and 4.4 only).
   - Social Work England letter to the Home Office, 11 Aug 2023 (app-swe-ukw-prd-umbraco-01
     mirror of socialworkengland.org.uk): confirms numbering of 3.4 (risk indicators of abuse)
     and 3.12 (respond quickly to dangerous situations), not their exact wording.
   - Community Care, 1 Aug 2019, and Croner-i, 6 Aug 2019 (secondary): quote 6.6 as
     "declare to the appropriate authority and Social Work England anything that might affect
     my ability to do my job competently or may affect my fitness to practise".
   Note: standard 5 is introduced by "As a social worker, I will not:" (not "I will:"); its
   titles below are the words after that stem, so templates must show the "I will not" stem.
   Counts seeded: 1.1-1.7 (7), 2.1-2.7 (7), 3.1-3.15 (15), 4.1-4.8 (8), 5.1-5.6 (6),
   6.1-6.7 (7); 4.1-4.8 and 1.1-1.7 are confirmed, the other counts are from memory.

2. BASW Professional Capabilities Framework (PCF), 2018 refresh
   - https://basw.co.uk/resources/professional-capabilities-framework-social-work-england
     ("Professional Capabilities Framework for Social Work in England - Guidance on using the
     2018 refreshed PCF"; final documents overview dated 11 June 2018; level documents marked
     "Updated August 2018").
   - Domain headings and one-line descriptors read from BASW level pages, e.g.
     https://www.basw.co.uk/professional-development/professional-capabilities-framework-pcf/the-pcf/social-worker/professionalism
     (also .../diversity-and-equality, .../knowledge, .../professional-leadership,
     .../experienced-social-worker/rights-justice-and-economic-wellbeing,
     .../experienced-social-worker/critical-reflection-and-analysis) and
     https://basw.co.uk/training-cpd/professional-capabilities-framework/social-worker-pcf,
     .../end-first-placement, .../point-entry-training.
   Note on domain 2: BASW's 2018 PDFs and most BASW pages read "Apply social work ethical
   principles and value to guide professional practices"; one newer BASW page
   (.../point-entry-training) reads "...principles and values to guide...". Seeded as the
   PDF/majority wording ("value").
   valid_from 2018-06-11 is the date of BASW's final 2018 documents overview; BASW gives no
   formal commencement date.

3. DfE knowledge and skills statement for child and family practice supervisors (2018)
   - https://www.gov.uk/government/publications/knowledge-and-skills-statements-for-child-and-family-social-work
     ("Social work post-qualifying standards: knowledge and skills statements"; documents last
     updated 18 May 2018 "in line with the National Assessment and Accreditation System").
     For practitioners and practice supervisors the statements are the post-qualifying
     standards under section 42 of the Children and Social Work Act 2017.
   - No official copy of the PDF text was in the corpora. Secondary sources quoting it
     verbatim: Community Care Inform, "Practice supervisor KSS 4: effective use of power and
     authority" and "Practice supervisor KSS 7: emotionally intelligent practice supervision"
     (https://ccinform.co.uk/practice-supervisor-kss-4-effective-use-of-power-and-authority,
     https://ccinform.co.uk/learning-tools/practice-supervisor-kss-7-emotionally-intelligent-practice-supervision).

4. DfE knowledge and skills statement for practice leaders (2018)
   - Same gov.uk collection page; the document is titled "Knowledge and skills statement for
     practice leaders". gov.uk names only the practitioner and practice supervisor statements
     as post-qualifying standards, so the leaders' statement is not called one here.
   - No official copy of the PDF text was in the corpora. Secondary source quoting it
     verbatim: Research in Practice, "Creating a context for excellent practice"
     (https://www.rip.org.uk/resources/kss-for-practice-leaders/creating-a-context-for-excellent-practice/).

Unconfirmed (best-known wording, not found in any stored official or verbatim copy; check
against the official PDFs before publishing):
  - SWE 2.1 after "Be open, honest, r" (2.1 seeded as "Be open, honest, reliable and fair").
  - SWE 2, 3, 5 and 6 headings and 2.2-2.7, 3.1-3.15, 5.1-5.6, 6.1-6.7 wording. Only the
    numbering of 3.1, 3.4, 3.12, 4.4 and 6.6 and part of 6.6 are confirmed.
  - SWE count of sub-standards under 3 (15 seeded), 5 (6) and 6 (7).
  - SWE 5.4 and 5.5: LOW confidence. The wording was rebuilt from memory and may be wrong.
  - PCF domain 7 (Skills and interventions) and domain 8 (Contexts and organisations)
    one-line descriptors. The domain names match the brief, but no stored BASW page for
    these two domains was found.
  - KSS practice supervisors: headings 1, 2, 3, 5, 6 and 8 (4 and 7 confirmed by Community
    Care Inform); the count of 8 statements; text left blank where not confirmed.
  - KSS practice leaders: headings 1 and 3-6 (2 confirmed by Research in Practice); the count
    of 6 statements; text left blank where not confirmed.

Successor versions (noted only; not seeded):
  - The gov.uk collection page (updated 18 February 2026) says: use the "Post-qualifying
    standard: knowledge and skills statement for child and family practitioners" until
    31 March 2027; from 1 April 2027 employers should use the "Child and family social worker
    early career standards" ("Early career standards: professional standards for child and
    family social workers"), which underpin the early career development programme (ECDP)
    replacing the ASYE from September 2027. No replacement was announced there for the
    practice supervisor or practice leader statements, so their valid_to stays None.
  - A separate DHSC "Adult social work post-qualifying standards: knowledge and skills
    statement" for adult practice supervisors exists (published 11 December 2018); not seeded.
  - No successor to the SWE 2019 professional standards or the 2018 PCF was found in the
    stored sources. That does not show none exists.
"""

FRAMEWORKS = [
    {
        "slug": "swe-professional-standards",
        "name": "Social Work England professional standards",
        "short_name": "SWE professional standards",
        "publisher": "Social Work England",
        "version": "2019",
        "valid_from": "2019-12-02",
        "valid_to": None,
        "source_url": "https://www.socialworkengland.org.uk/standards/professional-standards/",
        "description": (
            "The threshold standards that every registered social worker in England must meet, "
            "in all roles and settings, to practise safely and effectively."
        ),
        "statements": [
            {
                "code": "1",
                "title": "Promote the rights, strengths and wellbeing of people, families and communities",
                "text": "",
                "level": "",
            },
            {
                "code": "1.1",
                "title": "Value each person as an individual, recognising their strengths and abilities",
                "text": "",
                "level": "",
            },
            {
                "code": "1.2",
                "title": "Respect and promote the human rights, views, wishes and feelings of the people I work with, balancing rights and risks and enabling access to advice, advocacy, support and services",
                "text": "",
                "level": "",
            },
            {
                "code": "1.3",
                "title": "Work in partnership with people to promote their well-being and achieve best outcomes, recognising them as experts in their own lives",
                "text": "",
                "level": "",
            },
            {
                "code": "1.4",
                "title": "Value the importance of family and community systems and work in partnership with people to identify and harness the assets of those systems",
                "text": "",
                "level": "",
            },
            {
                "code": "1.5",
                "title": "Recognise differences across diverse communities and challenge the impact of disadvantage and discrimination on people and their families and communities",
                "text": "",
                "level": "",
            },
            {
                "code": "1.6",
                "title": "Promote social justice, helping to confront and resolve issues of inequality and inclusion",
                "text": "",
                "level": "",
            },
            {
                "code": "1.7",
                "title": "Recognise and use responsibly, the power and authority I have when working with people, ensuring that my interventions are always necessary, the least intrusive, proportionate, and in people’s best interests",
                "text": "",
                "level": "",
            },
            {
                "code": "2",
                "title": "Establish and maintain the trust and confidence of people",
                "text": "",
                "level": "",
            },
            {"code": "2.1", "title": "Be open, honest, reliable and fair", "text": "", "level": ""},
            {
                "code": "2.2",
                "title": "Respect and maintain people’s dignity and privacy",
                "text": "",
                "level": "",
            },
            {
                "code": "2.3",
                "title": "Maintain professional relationships with people and ensure that they understand the role of a social worker in their lives",
                "text": "",
                "level": "",
            },
            {
                "code": "2.4",
                "title": "Practise in ways that demonstrate empathy, perseverance, authority, professional confidence and capability, working with people to enable full participation in discussions and decision making",
                "text": "",
                "level": "",
            },
            {
                "code": "2.5",
                "title": "Actively listen to understand people, using a range of appropriate communication methods to build relationships",
                "text": "",
                "level": "",
            },
            {
                "code": "2.6",
                "title": "Treat information about people with sensitivity and handle confidential information in line with the law",
                "text": "",
                "level": "",
            },
            {
                "code": "2.7",
                "title": "Consider where conflicts of interest may arise, declare conflicts as early as possible and agree a course of action",
                "text": "",
                "level": "",
            },
            {
                "code": "3",
                "title": "Be accountable for the quality of my practice and the decisions I make",
                "text": "",
                "level": "",
            },
            {
                "code": "3.1",
                "title": "Work within legal and ethical frameworks, using my professional authority and judgement appropriately",
                "text": "",
                "level": "",
            },
            {
                "code": "3.2",
                "title": "Use information from a range of appropriate sources, including supervision, to inform assessments, to analyse risk, and to make a professional decision",
                "text": "",
                "level": "",
            },
            {
                "code": "3.3",
                "title": "Apply my knowledge and skills to address the social care needs of individuals and their families commonly arising from physical and mental ill health, disability, substance misuse, abuse or neglect, to enhance quality of life and wellbeing",
                "text": "",
                "level": "",
            },
            {
                "code": "3.4",
                "title": "Recognise the risk indicators of different forms of abuse and neglect and their impact on people, their families and their support networks",
                "text": "",
                "level": "",
            },
            {
                "code": "3.5",
                "title": "Hold different explanations in mind and use evidence to inform my decisions",
                "text": "",
                "level": "",
            },
            {
                "code": "3.6",
                "title": "Draw on the knowledge and skills of workers from my own and other professions and work in collaboration, particularly in integrated teams, holding onto and promoting my social work identity",
                "text": "",
                "level": "",
            },
            {
                "code": "3.7",
                "title": "Recognise where there may be bias in decision making and address issues that arise from ethical dilemmas, conflicting information, or differing professional decisions",
                "text": "",
                "level": "",
            },
            {
                "code": "3.8",
                "title": "Clarify where the accountability lies for delegated work and fulfil that responsibility when it lies with me",
                "text": "",
                "level": "",
            },
            {
                "code": "3.9",
                "title": "Make sure that relevant colleagues and agencies are informed about identified risks and the outcomes and implications of assessments and decisions I make",
                "text": "",
                "level": "",
            },
            {
                "code": "3.10",
                "title": "Establish and maintain skills in information and communication technology and adapt my practice to new ways of working, as appropriate",
                "text": "",
                "level": "",
            },
            {
                "code": "3.11",
                "title": "Maintain clear, accurate, legible and up to date records, documenting how I arrive at my decisions",
                "text": "",
                "level": "",
            },
            {
                "code": "3.12",
                "title": "Use my assessment skills to respond quickly to dangerous situations and take any necessary protective action",
                "text": "",
                "level": "",
            },
            {
                "code": "3.13",
                "title": "Provide, or support people to access advice and services tailored to meet their needs, based on evidence, negotiating and challenging other professionals and organisations, as required",
                "text": "",
                "level": "",
            },
            {
                "code": "3.14",
                "title": "Assess the influence of cultural and social factors over people and the effect of loss, change and uncertainty in the development of resilience",
                "text": "",
                "level": "",
            },
            {
                "code": "3.15",
                "title": "Recognise and respond to behaviour that may indicate resistance to change, ambivalent or selective cooperation with services, and recognise when there is a need to escalate concerns",
                "text": "",
                "level": "",
            },
            {
                "code": "4",
                "title": "Maintain my continuing professional development",
                "text": "",
                "level": "",
            },
            {
                "code": "4.1",
                "title": "Incorporate feedback from a range of sources, including from people with lived experience of my social work practice",
                "text": "",
                "level": "",
            },
            {
                "code": "4.2",
                "title": "Use supervision and feedback to critically reflect on, and identify my learning needs, including how I use research and evidence to inform my practice",
                "text": "",
                "level": "",
            },
            {
                "code": "4.3",
                "title": "Keep my practice up to date and record how I use research, theories and frameworks to inform my practice and my professional judgement",
                "text": "",
                "level": "",
            },
            {
                "code": "4.4",
                "title": "Demonstrate good subject knowledge on key aspects of social work practice and develop knowledge of current issues in society and social policies impacting on social work",
                "text": "",
                "level": "",
            },
            {
                "code": "4.5",
                "title": "Contribute to an open and creative learning culture in the workplace to discuss, reflect on and share best practice",
                "text": "",
                "level": "",
            },
            {
                "code": "4.6",
                "title": "Reflect on my learning activities and evidence what impact continuing professional development has on the quality of my practice",
                "text": "",
                "level": "",
            },
            {
                "code": "4.7",
                "title": "Record my learning and reflection on a regular basis and in accordance with Social Work England’s guidance on continuing professional development",
                "text": "",
                "level": "",
            },
            {
                "code": "4.8",
                "title": "Reflect on my own values and challenge the impact they have on my practice",
                "text": "",
                "level": "",
            },
            {
                "code": "5",
                "title": "Act safely, respectfully and with professional integrity",
                "text": "",
                "level": "",
            },
            {
                "code": "5.1",
                "title": "Abuse, neglect, discriminate, exploit or harm anyone, or condone this by others",
                "text": "",
                "level": "",
            },
            {
                "code": "5.2",
                "title": "Behave in a way that would bring into question my suitability to work as a social worker while at work, or outside of work",
                "text": "",
                "level": "",
            },
            {"code": "5.3", "title": "Falsify records or condone this by others", "text": "", "level": ""},
            {
                "code": "5.4",
                "title": "Offer, or accept any gifts, favours or hospitality which may affect, or be seen to affect, my professional judgement",
                "text": "",
                "level": "",
            },
            {
                "code": "5.5",
                "title": "Abuse the trust of people or the access I have to personal information about them or to their property, home or workplace",
                "text": "",
                "level": "",
            },
            {
                "code": "5.6",
                "title": "Use technology, social media or other forms of electronic communication unlawfully, unethically, or in a way that brings the profession into disrepute",
                "text": "",
                "level": "",
            },
            {"code": "6", "title": "Promote ethical practice and report concerns", "text": "", "level": ""},
            {
                "code": "6.1",
                "title": "Report allegations of harm and challenge and report exploitation and any dangerous, abusive or discriminatory behaviour or practice",
                "text": "",
                "level": "",
            },
            {
                "code": "6.2",
                "title": "Reflect on my working environment and where necessary challenge practices, systems and processes to uphold Social Work England’s professional standards",
                "text": "",
                "level": "",
            },
            {
                "code": "6.3",
                "title": "Inform people of the right to complain and provide them with the support to do it, and record and act on concerns raised to me",
                "text": "",
                "level": "",
            },
            {
                "code": "6.4",
                "title": "Take appropriate action when a professional’s practice may be impaired",
                "text": "",
                "level": "",
            },
            {
                "code": "6.5",
                "title": "Raise concerns about organisational wrongdoing and cultures of inappropriate and unsafe practice",
                "text": "",
                "level": "",
            },
            {
                "code": "6.6",
                "title": "Declare to the appropriate authority and Social Work England anything that might affect my ability to do my job competently or may affect my fitness to practise, or if I am subject to criminal proceedings or a regulatory finding is made against me, anywhere in the world",
                "text": "",
                "level": "",
            },
            {
                "code": "6.7",
                "title": "Cooperate with any investigations by my employer, Social Work England, or another agency, into my fitness to practise or the fitness to practise of others",
                "text": "",
                "level": "",
            },
        ],
    },
    {
        "slug": "basw-pcf",
        "name": "Professional Capabilities Framework for Social Work in England",
        "short_name": "BASW PCF",
        "publisher": "British Association of Social Workers (BASW)",
        "version": "2018",
        "valid_from": "2018-06-11",
        "valid_to": None,
        "source_url": "https://basw.co.uk/resources/professional-capabilities-framework-social-work-england",
        "description": (
            "The profession-owned framework of nine capabilities that social workers in England "
            "are expected to develop at every stage of their career, from entry to training to "
            "strategic level."
        ),
        "statements": [
            {
                "code": "1",
                "title": "Professionalism",
                "text": "Identify and behave as a professional social worker, committed to professional development",
                "level": "",
            },
            {
                "code": "2",
                "title": "Values and ethics",
                "text": "Apply social work ethical principles and value to guide professional practices",
                "level": "",
            },
            {
                "code": "3",
                "title": "Diversity and equality",
                "text": "Recognise diversity and apply anti-discriminatory and anti-oppressive principles in practice",
                "level": "",
            },
            {
                "code": "4",
                "title": "Rights, justice and economic wellbeing",
                "text": "Advance human rights and promote social justice and economic wellbeing",
                "level": "",
            },
            {
                "code": "5",
                "title": "Knowledge",
                "text": "Develop and apply relevant knowledge from social work practice and research, social sciences, law, other professional and relevant fields, and from the experience of people who use services",
                "level": "",
            },
            {
                "code": "6",
                "title": "Critical reflection and analysis",
                "text": "Apply critical reflection and analysis to inform and provide a rationale for professional decision-making",
                "level": "",
            },
            {
                "code": "7",
                "title": "Skills and interventions",
                "text": "Use judgement, knowledge and authority to intervene with individuals, families and communities to promote independence, provide support, prevent harm and enable progress",
                "level": "",
            },
            {
                "code": "8",
                "title": "Contexts and organisations",
                "text": "Engage with, inform, and adapt to changing organisational contexts, and the social and policy environments that shape practice. Operate effectively within and contribute to the development of organisations and services, including multi-agency and inter-professional settings",
                "level": "",
            },
            {
                "code": "9",
                "title": "Professional leadership",
                "text": "Promote the profession and good social work practice. Take responsibility for the professional learning and development of others. Develop personal influence and be part of the collective leadership and impact of the profession",
                "level": "",
            },
        ],
    },
    {
        "slug": "dfe-kss-practice-supervisors",
        "name": "Post-qualifying standard: knowledge and skills statement for child and family practice supervisors",
        "short_name": "KSS practice supervisors (child and family)",
        "publisher": "Department for Education",
        "version": "2018",
        "valid_from": "2018-05-18",
        "valid_to": None,
        "source_url": "https://www.gov.uk/government/publications/knowledge-and-skills-statements-for-child-and-family-social-work",
        "description": (
            "The Department for Education's post-qualifying standard setting out what practice "
            "supervisors in child and family social work should know and be able to do."
        ),
        "statements": [
            {"code": "1", "title": "Promote and govern excellent practice", "text": "", "level": ""},
            {"code": "2", "title": "Developing excellent practitioners", "text": "", "level": ""},
            {"code": "3", "title": "Shaping and influencing the practice system", "text": "", "level": ""},
            {
                "code": "4",
                "title": "Effective use of power and authority",
                "text": "Apply a proportionate and ethical approach to the exercise of authority, which develops and maintains relationships with families and professionals and ensures the protection of children.",
                "level": "",
            },
            {"code": "5", "title": "Confident analysis and decision-making", "text": "", "level": ""},
            {"code": "6", "title": "Purposeful and effective social work", "text": "", "level": ""},
            {
                "code": "7",
                "title": "Emotionally intelligent practice supervision",
                "text": "Recognise how different relationships evoke different emotional responses, which impact upon the effectiveness of social work practice and provide responsive, high quality individual supervision.",
                "level": "",
            },
            {"code": "8", "title": "Performance management and improvement", "text": "", "level": ""},
        ],
    },
    {
        "slug": "dfe-kss-practice-leaders",
        "name": "Knowledge and skills statement for practice leaders (child and family social work)",
        "short_name": "KSS practice leaders (child and family)",
        "publisher": "Department for Education",
        "version": "2018",
        "valid_from": "2018-05-18",
        "valid_to": None,
        "source_url": "https://www.gov.uk/government/publications/knowledge-and-skills-statements-for-child-and-family-social-work",
        "description": (
            "The Department for Education's statement of what practice leaders, who are "
            "responsible for the whole local child and family social work system, should know "
            "and be able to do."
        ),
        "statements": [
            {"code": "1", "title": "Lead and govern excellent practice", "text": "", "level": ""},
            {
                "code": "2",
                "title": "Creating a context for excellent practice",
                "text": "Engage staff, children and families and the wider partnership in constructive thinking about the future.",
                "level": "",
            },
            {"code": "3", "title": "Designing a system to support practice", "text": "", "level": ""},
            {"code": "4", "title": "Developing excellent practitioners", "text": "", "level": ""},
            {"code": "5", "title": "Support effective decision-making", "text": "", "level": ""},
            {"code": "6", "title": "Quality assurance and improvement", "text": "", "level": ""},
        ],
    },
]
