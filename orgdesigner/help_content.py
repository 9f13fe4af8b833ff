"""Help texts (no Qt), in English and Japanese: what the diagram's colours and lines mean,
and a summary of the source material the templates and the checker come from.

The summary follows `shared/reference/csirt-models-in-japan.txt` (Toshio Nawa, Cyber Defense
Institute, "CSIRT models in Japan"). Where the talk gives only a title (Models 3 and 4), the
text says that OrgDesigner's template is a reconstruction and from what. The 8 steps are
taken from `model/process.py`, so the help and the checklist never disagree.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from .model import FlowKind, UnitKind
from .model.process import STEPS

T = tuple[str, str]  # (English, Japanese)


def pick(text: T, lang: str) -> str:
    return text[1] if lang == "ja" else text[0]


SOURCE: T = (
    'Toshio Nawa (Cyber Defense Institute), "CSIRT models in Japan" (talk).',
    "名和利男（サイバーディフェンス研究所）「CSIRT models in Japan」（講演）。",
)

# ---- the legend's meanings --------------------------------------------------------------------

UNIT_MEANING: dict[UnitKind, T] = {
    UnitKind.MANAGEMENT: ("The board or president: the top of a company's reporting tree.",
                          "取締役会・社長など。会社の指揮命令系統の頂点。"),
    UnitKind.EXECUTIVE: ("An executive officer such as the CIO, CISO or CRO.",
                         "CIO・CISO・CRO などの役員。"),
    UnitKind.DIVISION: ("A division or business unit.", "本部・事業部。"),
    UnitKind.DEPARTMENT: ("A department.", "部。"),
    UnitKind.SECTION: ("A section inside a department.", "部の中の課。"),
    UnitKind.CSIRT: ("The CSIRT. It is the only octagon and always has the strong accent "
                     "border, so it stands out on every diagram, in colour or in grey.",
                     "CSIRT。唯一の八角形で、常に目立つ縁取りで描かれるため、カラーでも"
                     "白黒でもすぐに見つけられる。"),
    UnitKind.TEAM: ("Any other standing team, e.g. the disaster-response team.",
                    "その他の常設チーム（災害対策チームなど）。"),
    UnitKind.EXTERNAL: ("An outside party: NCA, JPCERT/CC, a vendor or MSSP, the police, a "
                        "regulator, another company's CSIRT. Drawn dashed.",
                        "外部組織：日本シーサート協議会（NCA）、JPCERT/CC、専門ベンダー・MSSP、"
                        "警察、監督官庁、他社の CSIRT など。破線で描かれる。"),
}

FLOW_MEANING: dict[FlowKind, T] = {
    FlowKind.REPORTING: ("The formal reporting line; together these form the org tree. Each "
                         "unit has at most one superior.",
                         "組織上の報告関係（指揮命令系統）。これらが組織図の木構造になる。"
                         "上位組織は一つだけ。"),
    FlowKind.COMMAND: ("May instruct or order action during an incident (solid and bold).",
                       "インシデント時に指示・命令できる（太い実線）。"),
    FlowKind.DELEGATION: ("Authority transferred to the target, e.g. from the CIO to the "
                          "CSIRT — the talk's “transfer of authority” (double line).",
                          "権限の委譲。例：CIO から CSIRT へ。講演の「Transfer of authority」"
                          "（二重線）。"),
    FlowKind.CONSENSUS: ("Decisions taken by agreement — the talk's Japanese “consensual "
                         "decision making” (dashed, both ends).",
                         "合意による意思決定。講演の「Consensual decision making」"
                         "（破線・両矢印）。"),
    FlowKind.SUPPORT: ("Provides technical support or a service (dotted).",
                       "技術支援やサービスの提供（点線）。"),
    FlowKind.REPORT: ("Incident reports and escalation (thin arrow).",
                      "インシデント報告・エスカレーション（細い矢印）。"),
    FlowKind.COORDINATION: ("Coordination with an outside party such as NCA or JPCERT/CC "
                            "(dash-dot).",
                            "NCA や JPCERT/CC など外部組織との連携（一点鎖線）。"),
}

LEGEND_INTRO: T = (
    "Shapes tell the kind of unit, fill colours its main function, and each kind of flow "
    "has its own colour and line style, so a diagram still reads when printed in black and "
    "white. The colours come from the Okabe–Ito palette, which colour-blind readers can tell "
    "apart. Companies of a business group are drawn as labelled frames around their units.",
    "図形は組織の種類を、塗りの色は主な機能を表す。フローの種類ごとに色と線種を変えているので、"
    "白黒で印刷しても区別できる。色は色覚の多様性に配慮した Okabe–Ito パレットによる。"
    "企業グループの各社は、所属する組織を囲むラベル付きの枠で示される。",
)

# ---- the models in the source material ------------------------------------------------------


@dataclass(frozen=True)
class Section:
    title: T
    paragraphs: tuple[T, ...] = ()
    bullets: tuple[T, ...] = field(default_factory=tuple)


def _steps_section() -> Section:
    rows = []
    for n in range(1, 9):
        japan = next(s for s in STEPS if s.track == "japan" and s.number == n)
        cert = next(s for s in STEPS if s.track == "certcc" and s.number == n)
        rows.append((f"Step {n}: Japan — {japan.en}; CERT/CC — {cert.en}.",
                     f"ステップ {n}：日本 — {japan.ja}／CERT/CC — {cert.ja}"))
    return Section(
        ("The 8-step process for developing a CSIRT", "CSIRT 構築の 8 ステップ"),
        (("The talk sets the process CERT/CC recommends (“Creating a CSIRT”) beside the one "
          "that works in Japan. Outside Japan it starts with management buy-in; in Japan it "
          "starts with colleagues' support and ends with proposing the CSIRT to management "
          "and getting its budget. The Process tab of the findings panel tracks both, and "
          "the ticks are stored in the design.",
          "講演は、CERT/CC が推奨する手順（「Creating a CSIRT」）と日本で機能する手順を並べている。"
          "海外では経営層の支援と賛同から始まるが、日本では同僚の支持と協力から始まり、最後に経営層へ"
          "提案して予算を獲得する。所見パネルの「プロセス」タブで両方を管理でき、チェックは設計ファイル"
          "に保存される。"),),
        tuple(rows))


SECTIONS: tuple[Section, ...] = (
    Section(
        ("Where this comes from", "出典"),
        (("OrgDesigner's templates, findings and process checklist come from a talk on how "
          "large Japanese companies set up their CSIRTs. It compares the “general approach” "
          "(a CSIRT that provides incident handling and coordination to sales, IT operations "
          "and media relations under business managers) with what actually happens in Japan, "
          "where the first question is “what is the CSIRT's role?”. It also describes the "
          "Nippon CSIRT Association (NCA), founded on 27 March 2007 by six CSIRTs, five of them "
          "from commercial companies, to let member CSIRTs work together on common issues.",
          "OrgDesigner のテンプレート、所見、プロセスのチェックリストは、日本の大企業が CSIRT を"
          "どのように設置しているかを論じた講演にもとづく。講演は、事業部門の経営者のもとで"
          " CSIRT が営業・情報システム運用・広報にインシデント対応と調整のサービスを"
          "提供する「一般的なアプローチ」と、まず「CSIRT の役割は何か」が問われる"
          "日本の実情とを比較している。また、"
          "加盟 CSIRT が共通の課題に協力して取り組むため、2007 年 3 月 27 日に 6 つの CSIRT"
          "（うち 5 つは民間企業）によって設立された日本シーサート協議会（NCA）も紹介している。"),),
    ),
    Section(
        ("Strong authority or consensus", "強い権限か、合意か"),
        (("The talk's “Organizational model for CSIRT” slide contrasts two ways a CSIRT gets "
          "things done. Outside Japan, Management → CIO → CSIRT: authority is transferred from "
          "the CIO, and IT operations, customer service and other departments are subject to "
          "the CIO's authority via the CSIRT. In Japan, the CSIRT sits under management without "
          "transferred authority; each department holds authority over its own field, finds "
          "it difficult to follow CSIRT instructions, and the CSIRT works by consensus.",
          "講演の「Organizational model for CSIRT」のスライドは、CSIRT が物事を進める二つの形を"
          "対比している。海外では「経営層 → CIO → CSIRT」で、CIO から権限が委譲され、情報システム"
          "運用・顧客サービス・その他の部門は CSIRT を通じて CIO の権限に従う。日本では、CSIRT は"
          "権限の委譲を受けずに経営層の下に置かれ、各部門がそれぞれの領域に対する権限を持つため、"
          "権限のない CSIRT の指示には従いづらく、CSIRT は合意によって動く。"),
         ("The findings panel names the style of your design (strong, consensual or neither) "
          "and shows the flows that make it. The templates “Outside Japan: CSIRT with strong "
          "authority” and “Japan: consensual decision making” are the two sides of the slide.",
          "所見パネルは設計の権限スタイル（強い権限・合意型・どちらでもない）と、その根拠となる"
          "フローを示す。テンプレート「海外型：強い権限を持つ CSIRT」と「日本型：合意による意思"
          "決定」が、このスライドの左右に対応する。"),),
    ),
    Section(
        ("Model 1: Large company", "モデル 1：大企業"),
        (("Under Management sit the profit centres (Marketing Dep., Other Dep.), the System "
          "Dep. with its Development Div., and the Administration Dep. The internal CSIRT sits "
          "under the Risk Management Div. of Administration — three levels below management — "
          "and relies on the system side for technical work, with no command authority over "
          "IT operations. The units and the CSIRT's place are the slide's; in the template "
          "the other flows, members, headcounts and costs are illustrative.",
          "経営層の下に利益部門（マーケティング部・その他の部）、開発室を持つシステム部、管理部が"
          "ある。社内 CSIRT は管理部リスク管理室の下、経営層から 3 階層下に置かれ、技術的な作業は"
          "システム部門に頼り、情報システム運用への指示権限を持たない。部署と CSIRT の位置は"
          "スライドのとおりで、テンプレートのその他の線・メンバー・人数・費用は例示である。"
          "（スライドの「Div.」は部の中の組織のため「室」と訳している。）"),),
    ),
    Section(
        ("Model 2: Business group A", "モデル 2：企業グループ A"),
        (("Two companies. The parent has B Dep., Information Planning Dep. and A Dep. under its "
          "management; the group company has Y Dep., a Security Center and X Dep. The template "
          "reconstructs the rest, and says so: the CSIRT led from the parent's Information "
          "Planning Dep., with its technical members in the group company's Security Center, "
          "and the group company treated as the group's IT subsidiary.",
          "二社からなるグループ。親会社は経営層の下に B 部・情報企画部・A 部を、グループ会社は"
          " Y 部・セキュリティセンター・X 部を持つ。それ以外はテンプレートでの再構成であり、"
          "その旨を"
          "明記している。CSIRT は親会社の情報企画部が主導し、技術メンバーはグループ会社の"
          "セキュリティセンターに置き、グループ会社を情報システム子会社として扱っている。"),),
    ),
    Section(
        ("Models 3 and 4: Business groups B and C", "モデル 3・4：企業グループ B・C"),
        (("The talk shows only the titles of these two models. OrgDesigner's templates are "
          "reconstructions, and say so: Model 3 after the group pattern JPCERT/CC describes, "
          "where the group's IT subsidiary acts as the CSIRT for the parent and every group "
          "company; Model 4 after CERT/CC's “coordinating CSIRT”, where a head-office CSIRT "
          "coordinates with each group company's own CSIRT.",
          "講演ではこの二つのモデルは題名のみが示されている。OrgDesigner のテンプレートは再構成で"
          "あり、その旨を明記している。モデル 3 は JPCERT/CC が紹介するグループ型のパターン"
          "（グループの情報システム子会社が親会社と全グループ会社の CSIRT を担う）、"
          "モデル 4 は CERT/CC の「調整型 CSIRT」（本社 CSIRT が各グループ会社の CSIRT と"
          "連携・調整する）にもとづく。"),),
    ),
    Section(
        ("What the analysis of the Japanese models found", "日本の CSIRT 組織モデルの分析"),
        (("The talk's analysis of these models lists the traits below; several of the "
          "checker's findings look for them in your design.",
          "講演はこれらのモデルの分析として次の特徴を挙げている。チェッカーの所見のいくつかは、"
          "設計の中にこれらの特徴がないかを調べる。"),),
        (("Lack of authority (finding “lacks-authority”).",
          "権限の不足（所見「lacks-authority」）。"),
         ("The main service is technical support, relying on another division "
          "(“relies-on-other-division”).",
          "主なサービスが他部門に頼った技術支援である（「relies-on-other-division」）。"),
         ("A response team for natural disasters (earthquake, typhoon, tsunami) already "
          "exists (“reuse-disaster-team”).",
          "自然災害（地震・台風・津波など）の対応チームがすでに存在する（「reuse-disaster-team」）。"),
         ("The CSIRT tends to be seen as a (security) technical service centre.",
          "CSIRT が（セキュリティの）技術サービスセンターと見なされがちである。"),
         ("Any change to the existing organisation to set up a CSIRT meets much opposition.",
          "CSIRT 設置のために既存の組織構造を変えようとすると、多くの反対が起きる。"),
         ("It tends to operate as a (technical) analysis centre, using outside specialists "
          "rather than building investigative and analytical skills.",
          "（技術的な）分析センターとして運用されがちで、調査・分析能力は持たずに外部の専門家を"
          "活用する。")),
    ),
    _steps_section(),
    Section(
        ("Lessons learned from CSIRT operation in Japan", "日本における CSIRT 運用の教訓"),
        (),
        (("After the CSIRT is set up, critical incidents are rare: management starts to think "
          "it is unnecessary, new staff lack chances to build skills, and the CSIRT's perceived "
          "reliability does not grow (finding “no-exercises”).",
          "CSIRT を設置しても重大なインシデントは頻繁には起きない。経営層は CSIRT を不要と考え"
          "がちになり、新しい要員はスキルを伸ばす機会がなく、CSIRT の信頼も高まらない"
          "（所見「no-exercises」）。"),
         ("Working with other CSIRTs is not easy: in-house information is hard to share, and "
          "some CSIRTs assume no collaboration with outsiders (“no-external”).",
          "他の CSIRT との連携は容易ではない。社内の情報を外部に伝えにくく、外部との連携を前提と"
          "しない CSIRT もある（「no-external」）。"),
         ("CSIRT staff tend to double as other security roles (兼務), and adequate staff are "
          "hard to secure (“staff-doubling”, “understaffed”).",
          "CSIRT 要員は他のセキュリティ業務と兼務しがちで、十分な人員の確保が難しい"
          "（「staff-doubling」「understaffed」）。"),
         ("CSIRT staff find the business-management viewpoint hard, so the CSIRT must work "
          "with related divisions: assign suitable staff in those divisions as CSIRT members "
          "(“no-business-members”).",
          "CSIRT 要員は事業経営の視点を持ちにくいため、関連部門との協力が必要である。関連部門の"
          "適任者を CSIRT メンバーに任命する（「no-business-members」）。"),
         ("Not every incident report reaches the CSIRT — some incidents are resolved within "
          "each division, and if all of them came in, the CSIRT would be overloaded "
          "(“reports-bypass”).",
          "すべてのインシデント報告が CSIRT に届くわけではない。各部門内で解決されるものもあり、"
          "すべてを受け付ければ CSIRT は過重労働になる（「reports-bypass」）。")),
    ),
    Section(
        ("The talk's summary", "講演のまとめ"),
        (),
        (("The classic CSIRT textbook puts the CSIRT directly below management "
          "(finding “far-from-management”).",
          "古典的な CSIRT の教科書は、CSIRT を経営層の直下に置くよう説いている"
          "（所見「far-from-management」）。"),
         ("In Japan that is difficult, because large Japanese companies have a very different "
          "culture and structure.",
          "日本では、大企業の文化と構造が大きく異なるため、それは難しい。"),
         ("Most Japanese CSIRTs lack the authority to deal with incidents themselves and work "
          "with the existing departments that hold it.",
          "日本の CSIRT の多くはインシデントに対処する十分な権限を持たず、権限を持つ既存の部門や"
          "組織と協力して活動している。"),
         ("The main service of a Japanese CSIRT is (security) technical support.",
          "日本の CSIRT の主なサービスは（セキュリティの）技術支援である。")),
    ),
)


# ---- rendering --------------------------------------------------------------------------------

def _e(text: str) -> str:
    return html.escape(text, quote=False)


def models_html(lang: str = "en") -> str:
    """The “models in the source material” page as simple HTML (for a QTextBrowser)."""
    parts = [f"<h2>{_e(pick(('The models in the source material', 'ソース資料のモデル'), lang))}"
             "</h2>", f"<p><i>{_e(pick(SOURCE, lang))}</i></p>"]
    for s in SECTIONS:
        parts.append(f"<h3>{_e(pick(s.title, lang))}</h3>")
        parts += [f"<p>{_e(pick(p, lang))}</p>" for p in s.paragraphs]
        if s.bullets:
            parts.append("<ul>" + "".join(f"<li>{_e(pick(b, lang))}</li>" for b in s.bullets)
                         + "</ul>")
    return "\n".join(parts)


def models_text(lang: str = "en") -> str:
    """The same page as plain text (for a terminal or a test)."""
    lines = [pick(SOURCE, lang), ""]
    for s in SECTIONS:
        lines += [pick(s.title, lang), ""]
        lines += [pick(p, lang) + "\n" for p in s.paragraphs]
        lines += [f"- {pick(b, lang)}" for b in s.bullets]
        lines.append("")
    return "\n".join(lines)


def about_html(version: str, lang: str = "en") -> str:
    title = "OrgDesigner"
    body = pick((
        "Design where your CSIRT sits, with what authority, and what it costs — and produce "
        "the approval pack (diagram and Excel budget).",
        "CSIRT をどこに置き、どのような権限を持たせ、いくらかかるかを設計し、承認用の資料"
        "（組織図と Excel の予算書）を作成します。"), lang)
    licence = pick(("Released under the MIT licence.", "MIT ライセンスで公開しています。"), lang)
    ver = pick(("Version", "バージョン"), lang)
    based = pick(("Templates and findings are based on:", "テンプレートと所見の出典："), lang)
    return (f"<h3>{title}</h3><p>{_e(ver)} {_e(version)}</p><p>{_e(body)}</p>"
            f"<p>{_e(licence)}</p><p>{_e(based)} {_e(pick(SOURCE, lang))}</p>")
