"""Where each finding comes from: the talk's slide (and, on the two-column process slide, the
column), or a framework and its clause.

The talk is the product's source material (`reference/csirt-models-in-japan.txt`); quotes
are verbatim slide text so a reader can find them. The talk is always cited in one form,
`TALK` (English) and `_TALK_JA` (Japanese); templates and help use the same words.
"""

#: The talk, in the one form used everywhere (sources, templates, help, README).
TALK = 'Toshio Nawa (Cyber Defense Institute), "CSIRT models in Japan"'
ANALYSIS = f"{TALK} — Analysis of CSIRT Organization Models in Japan"
LESSONS = f"{TALK} — Lessons Learned from CSIRT Operation"
ORG_MODEL = f"{TALK} — Organizational model for CSIRT"
PROCESS = f"{TALK} — Process for developing CSIRT in Japan"
SUMMARY = f"{TALK} — Summary"
GENERAL = f"{TALK} — General approach to Develop CSIRT"
NCA = f"{TALK} — Nippon CSIRT Association"
EFFORTS = f"{TALK} — Efforts Against Cyber Security Threats in Japan"

CERT_MODELS = "CERT/CC, Organizational Models for CSIRTs (CMU/SEI-2003-HB-001)"
CERT_ACTIONS = "CERT/CC, Action List for Developing a CSIRT"
ENISA = "ENISA, How to set up CSIRT and SOC (2020)"
FIRST = "FIRST CSIRT Services Framework v2.1"
SIM3 = "SIM3 v1 (Open CSIRT Foundation)"
JPCERT = "JPCERT/CC, CSIRT マテリアル (CSIRT Material)"

NO_CSIRT = f"{CERT_MODELS}, §4 Security Team: 'the absence of a formal CSIRT'"
NO_SPONSOR = (f"{PROCESS}, Japan column: Step 1 'Obtain colleague's support and assistance', "
              "Step 7 'Propose the idea of CSIRT to management', Step 8 'Get the CSIRT "
              "budget' (the Outside Japan (CERT/CC) column starts with Step 1 'Obtain "
              f"management support and buy-in'); {CERT_ACTIONS}, #2 'Obtain management "
              "support and sponsorship'")
LACK_AUTHORITY = (f"{ANALYSIS}: 'Lack of authority'; {ORG_MODEL}: 'Transfer of authority "
                  f"from CIO'; {JPCERT}: define the CSIRT's authority (権限の明確化)")
AUTHORITY_UNBACKED = (f"{CERT_MODELS}: levels of CSIRT authority (full, shared, none); "
                      f"{ORG_MODEL}: 'Transfer of authority from CIO'")
FAR = (f"{SUMMARY}: 'Classic CSIRT textbook says to set up CSIRTs directly below the "
       "management' and 'In Japan, it is difficult'; "
       f"{ORG_MODEL}, With Strong Authority (Outside Japan): 'Transfer of authority from CIO'")
UPWARD = (f"{ORG_MODEL}, With Strong Authority (Outside Japan): 'Transfer of authority from "
          f"CIO'; {CERT_MODELS}: the CSIRT's authority comes from its sponsor")
SEGREGATION = ("ISO/IEC 27001:2022, Annex A 5.3 Segregation of duties (the talk makes no "
               "judgement on a CIO who is also the CISO)")
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
ALWAYS_ON = (f"{ENISA}: 24/7 operation needs about 12 additional shift staff, or an outsourced "
             f"SOC; for critical-infrastructure sectors, {EFFORTS}: NISC and 'Public Sector: "
             "CEPTOAR-Council'")
GROUP = (f"{CERT_MODELS}, §8 Coordinating CSIRT: affiliated organisations may lie outside the "
         "coordinating CSIRT's authority")
CSIRTS_UNLINKED = (f"{CERT_MODELS}, §7 Combined Distributed and Centralized CSIRT; "
                   f"{LESSONS}: 'Not easy to collaborate with other CSIRT'")
DISASTER = (f"{ANALYSIS}: 'Existence of the response team for natural disasters "
            "(Earthquake, Typhoon, Tsunami and so on)' — an observation; reusing the team is "
            "OrgDesigner's interpretation")
NO_EXERCISES = (f"{LESSONS}: 'Lack of opportunity for skill development for new CSIRT staff'; "
                f"{ENISA}: training budget per staff member; {FIRST}, Knowledge Transfer: "
                "Exercises ('Training and Education' is a service to the constituency)")
NO_BUDGET = f"{PROCESS}: Japan Step 8 'Get the CSIRT budget'"
NO_MANDATE = f"{SIM3}, O-1 Mandate; {CERT_ACTIONS}, #6 'Define the CSIRT mission'"
EMPTY = f"{PROCESS}: Japan Step 4 'Design the CSIRT organization model'"

# ---- the same citations for Japanese readers ----------------------------------------------
# Slide quotes stay verbatim (so the slide can be found) with a Japanese gloss after them.
_TALK_JA = "名和利男（サイバーディフェンス研究所）「CSIRT models in Japan」"
_ANALYSIS_JA = f"{_TALK_JA} — 日本の CSIRT 組織モデルの分析"
_LESSONS_JA = f"{_TALK_JA} — CSIRT 運用から得た教訓"
_ORG_MODEL_JA = f"{_TALK_JA} — CSIRT の組織モデル"
_PROCESS_JA = f"{_TALK_JA} — 日本における CSIRT 構築の進め方"
_SUMMARY_JA = f"{_TALK_JA} — まとめ"
_GENERAL_JA = f"{_TALK_JA} — CSIRT 構築の一般的な進め方"
_NCA_JA = f"{_TALK_JA} — 日本シーサート協議会 (NCA)"
_EFFORTS_JA = f"{_TALK_JA} — 日本におけるサイバーセキュリティ脅威への取り組み"
_CERT_MODELS_JA = "CERT/CC「CSIRT の組織モデル」(CMU/SEI-2003-HB-001)"
_CERT_ACTIONS_JA = "CERT/CC「CSIRT 構築のためのアクションリスト」"
_ENISA_JA = "ENISA「CSIRT と SOC の構築方法」(2020)"
_FIRST_JA = "FIRST CSIRT サービスフレームワーク v2.1"
_SIM3_JA = "SIM3 v1 (Open CSIRT Foundation)"
_JPCERT_JA = "JPCERT/CC「CSIRT マテリアル」"

JA: dict[str, str] = {
    NO_CSIRT: f"{_CERT_MODELS_JA} §4 セキュリティチーム:「the absence of a formal CSIRT」"
              "(正式な CSIRT がない状態)",
    NO_SPONSOR: f"{_PROCESS_JA}、日本の列: ステップ1「Obtain colleague's support and assistance」"
                "(同僚の支持と協力を得る)、ステップ7「Propose the idea of CSIRT to management」"
                "(経営層に CSIRT 構想を提案する)、ステップ8「Get the CSIRT budget」"
                "(CSIRT の予算を獲得する)(海外 (CERT/CC) の列はステップ1「Obtain management "
                "support and buy-in」(経営層の支援と賛同を得る) から始まる); "
                f"{_CERT_ACTIONS_JA} #2 経営層の支援とスポンサーの確保",
    LACK_AUTHORITY: f"{_ANALYSIS_JA}:「Lack of authority」(権限の不足); {_ORG_MODEL_JA}:"
                    f"「Transfer of authority from CIO」(CIO からの権限委譲); {_JPCERT_JA}:"
                    " CSIRT の権限の明確化",
    AUTHORITY_UNBACKED: f"{_CERT_MODELS_JA}: CSIRT の権限の水準 (完全・共有・なし); "
                        f"{_ORG_MODEL_JA}:「Transfer of authority from CIO」(CIO からの権限委譲)",
    FAR: f"{_SUMMARY_JA}:「Classic CSIRT textbook says to set up CSIRTs directly below the "
         "management」(古典的な教科書では CSIRT は経営層の直下に置くとされる)、「In Japan, it is "
         "difficult」(日本ではそれが難しい); "
         f"{_ORG_MODEL_JA}、強い権限型 (海外):「Transfer of authority from CIO」"
         "(CIO からの権限委譲)",
    UPWARD: f"{_ORG_MODEL_JA}、強い権限型 (海外):「Transfer of authority from CIO」"
            f"(CIO からの権限委譲); {_CERT_MODELS_JA}: CSIRT の権限はスポンサーに由来する",
    SEGREGATION: "ISO/IEC 27001:2022 附属書A 5.3 職務の分離 (CIO が CISO を兼ねることについて、"
                 "講演は判断を示していない)",
    RELIES: f"{_ANALYSIS_JA}:「Main service is technical support with relying on other "
            "division」(主なサービスが他部門に頼った技術支援にとどまる)",
    NO_ESCALATION: f"{_SIM3_JA} P-1 経営層へのエスカレーション",
    REPORTS_BYPASS: f"{_LESSONS_JA}:「All of the incident reports can not received」"
                    "(インシデント報告がすべては届かない)",
    NO_EXTERNAL: f"{_NCA_JA}; {_LESSONS_JA}:「Not easy to collaborate with other CSIRT」"
                 f"(他の CSIRT との連携が容易でない); {_SIM3_JA} O-9 既存の CSIRT の枠組みへの参加",
    NO_BUSINESS: f"{_LESSONS_JA}:「Assign the appropriate staff in other related divisions as "
                 "CSIRT member」(関係部門の適任者を CSIRT メンバーに任命する)",
    NO_LEGAL_PR: f"{_GENERAL_JA} (CSIRT と並ぶ広報); {_SIM3_JA} P-2 広報へのエスカレーション、"
                 f"P-3 法務へのエスカレーション; {_FIRST_JA} 情報セキュリティインシデントの調整",
    STAFF_DOUBLING: f"{_LESSONS_JA}:「CSIRT Staff tend to double as other security related "
                    "roles」(CSIRT 要員は他のセキュリティ業務と兼務になりがち)",
    UNDERSTAFFED: f"{_ENISA_JA}: 最低 3 名の要員",
    NO_MEMBERS: f"{_CERT_ACTIONS_JA} #10 要員など必要な資源の特定; {_ENISA_JA}",
    ALWAYS_ON: f"{_ENISA_JA}: 24時間365日の運用には交代要員が約 12 名追加で必要"
               f" (または SOC の外部委託); 重要インフラ分野については {_EFFORTS_JA}: NISC、"
               "「Public Sector: CEPTOAR-Council」(公的分野: セプターカウンシル)",
    GROUP: f"{_CERT_MODELS_JA} §8 コーディネーション CSIRT: 関連組織はコーディネーション CSIRT の"
           "権限の外にある場合がある",
    CSIRTS_UNLINKED: f"{_CERT_MODELS_JA} §7 分散型と集中型の複合 CSIRT; {_LESSONS_JA}:"
                     "「Not easy to collaborate with other CSIRT」"
                     "(他の CSIRT との連携が容易でない)",
    DISASTER: f"{_ANALYSIS_JA}:「Existence of the response team for natural disasters "
              "(Earthquake, Typhoon, Tsunami and so on)」"
              "(地震・台風・津波などの自然災害対応チームの存在)— 講演は事実の指摘にとどまり、"
              "活用の勧めは OrgDesigner の解釈",
    NO_EXERCISES: f"{_LESSONS_JA}:「Lack of opportunity for skill development for new CSIRT "
                  f"staff」(新任 CSIRT 要員の育成機会の不足); {_ENISA_JA}: 要員一人あたりの研修費;"
                  f" {_FIRST_JA} 知識の伝達: 演習 (「教育・研修」は利用者向けのサービス)",
    NO_BUDGET: f"{_PROCESS_JA}: 日本のステップ8「Get the CSIRT budget」(CSIRT の予算を獲得する)",
    NO_MANDATE: f"{_SIM3_JA} O-1 権限と責任 (マンデート); {_CERT_ACTIONS_JA} #6 CSIRT の使命の定義",
    EMPTY: f"{_PROCESS_JA}: 日本のステップ4「Design the CSIRT organization model」"
           "(CSIRT の組織モデルを設計する)",
}


def source_text(source: str, lang: str = "en") -> str:
    """A finding's source in `lang` (the English citation when no Japanese one exists)."""
    return JA.get(source, source) if lang == "ja" else source
