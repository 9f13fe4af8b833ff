"""Where each finding comes from: the talk's slide headings, or a framework and its clause.

The talk is the product's source material (`reference/csirt-models-in-japan.txt`); quotes
are verbatim slide text so a reader can find them.
"""

TALK = "Nawa, 'CSIRT models in Japan'"
ANALYSIS = f"{TALK} — Analysis of CSIRT Organization Models in Japan"
LESSONS = f"{TALK} — Lessons Learned from CSIRT Operation"
ORG_MODEL = f"{TALK} — Organizational model for CSIRT"
PROCESS = f"{TALK} — Process for developing CSIRT in Japan"
SUMMARY = f"{TALK} — Summary"
GENERAL = f"{TALK} — General approach to Develop CSIRT"
NCA = f"{TALK} — Nippon CSIRT Association"

CERT_MODELS = "CERT/CC, Organizational Models for CSIRTs (CMU/SEI-2003-HB-001)"
CERT_ACTIONS = "CERT/CC, Action List for Developing a CSIRT"
ENISA = "ENISA, How to set up CSIRT and SOC (2020)"
FIRST = "FIRST CSIRT Services Framework v2.1"
SIM3 = "SIM3 v1 (Open CSIRT Foundation)"
JPCERT = "JPCERT/CC, CSIRT マテリアル (CSIRT Material)"

NO_CSIRT = f"{CERT_MODELS}, §4 Security Team: 'the absence of a formal CSIRT'"
NO_SPONSOR = (f"{PROCESS}: Step 1 'Obtain management support and buy-in'; "
              f"{CERT_ACTIONS}, #2 'Obtain management support and sponsorship'")
LACK_AUTHORITY = (f"{ANALYSIS}: 'Lack of authority'; {ORG_MODEL}: 'Transfer of authority "
                  f"from CIO'; {JPCERT}: define the CSIRT's authority (権限の明確化)")
AUTHORITY_UNBACKED = (f"{CERT_MODELS}: levels of CSIRT authority (full, shared, none); "
                      f"{ORG_MODEL}: 'Transfer of authority from CIO'")
FAR = f"{SUMMARY}: 'Classic CSIRT textbook says to set up CSIRTs directly below the management'"
RELIES = (f"{ANALYSIS}: 'Main service is technical support with relying on other division'")
NO_ESCALATION = f"{SIM3}, P-1 Escalation to Governance Level"
REPORTS_BYPASS = f"{LESSONS}: 'All of the incident reports can not received'"
NO_EXTERNAL = (f"{NCA}; {LESSONS}: 'Not easy to collaborate with other CSIRT'; "
               f"{SIM3}, O-9 Participation in Existing CSIRT Frameworks")
NO_BUSINESS = (f"{LESSONS}: 'Assign the appropriate staff in other related divisions as "
               "CSIRT member'")
NO_LEGAL_PR = (f"{GENERAL} (Media Relations beside the CSIRT); {SIM3}, P-2 Escalation to "
               f"Press Function, P-3 Escalation to Legal Function; {FIRST}, Information "
               "Security Incident Coordination")
STAFF_DOUBLING = f"{LESSONS}: 'CSIRT Staff tend to double as other security related roles'"
UNDERSTAFFED = f"{ENISA}: a minimum of three staff"
NO_MEMBERS = f"{CERT_ACTIONS}, #10 'Identify required resources such as staff'; {ENISA}"
ALWAYS_ON = f"{ENISA}: 24/7 operation needs about 12 additional shift staff, or an outsourced SOC"
GROUP = (f"{CERT_MODELS}, §8 Coordinating CSIRT: affiliated organisations may lie outside the "
         "coordinating CSIRT's authority")
CSIRTS_UNLINKED = (f"{CERT_MODELS}, §7 Combined Distributed and Centralized CSIRT; "
                   f"{LESSONS}: 'Not easy to collaborate with other CSIRT'")
DISASTER = (f"{ANALYSIS}: 'Existence of the response team for natural disasters "
            "(Earthquake, Typhoon, Tsunami and so on)'")
NO_EXERCISES = (f"{LESSONS}: 'Lack of opportunity for skill development for new CSIRT staff'; "
                f"{FIRST}, Knowledge Transfer: Exercises, Training and Education")
NO_BUDGET = f"{PROCESS}: Japan Step 8 'Get the CSIRT budget'"
NO_MANDATE = f"{SIM3}, O-1 Mandate; {CERT_ACTIONS}, #6 'Define the CSIRT mission'"
EMPTY = f"{PROCESS}: Japan Step 4 'Design the CSIRT organization model'"
