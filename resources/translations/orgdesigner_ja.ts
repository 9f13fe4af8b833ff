<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>OrgDesigner designs (*.orgd);;All files (*)</source>
        <translation>OrgDesigner 設計ファイル (*.orgd);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>無題</translation>
    </message>
    <message>
        <source>Cannot open file</source>
        <translation>ファイルを開けません</translation>
    </message>
    <message>
        <source>“{name}” could not be opened.</source>
        <translation>「{name}」を開けませんでした。</translation>
    </message>
    <message>
        <source>{first}
(and {n} more problem(s): see Details)</source>
        <translation>{first}
（ほかに {n} 件の問題があります。「詳細」をご覧ください）</translation>
    </message>
    <message>
        <source>Open design</source>
        <translation>設計を開く</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>保存できません</translation>
    </message>
    <message>
        <source>The design could not be saved; the file on disk is unchanged.</source>
        <translation>設計を保存できませんでした。ディスク上のファイルは変更されていません。</translation>
    </message>
    <message>
        <source>Save design as</source>
        <translation>設計に名前を付けて保存</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>保存時の状態に戻す</translation>
    </message>
    <message>
        <source>Revert “{name}” to the saved file?</source>
        <translation>「{name}」を保存時の状態に戻しますか？</translation>
    </message>
    <message>
        <source>Your unsaved changes are discarded (Undo brings them back).</source>
        <translation>保存していない変更は破棄されます（「元に戻す」で取り戻せます）。</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存の変更</translation>
    </message>
    <message>
        <source>Save the changes to “{name}” before closing?</source>
        <translation>閉じる前に「{name}」の変更を保存しますか？</translation>
    </message>
    <message>
        <source>If you don&apos;t save, your changes will be lost.</source>
        <translation>保存しないと、変更内容は失われます。</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近使ったファイル(&amp;R)</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>最近使ったファイルはありません</translation>
    </message>
    <message>
        <source>Clear list</source>
        <translation>一覧を消去</translation>
    </message>
    <message>
        <source>SVG vector image</source>
        <translation>SVG ベクター画像</translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation>PNG 画像</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>PDF 文書</translation>
    </message>
    <message>
        <source>Graphviz DOT source</source>
        <translation>Graphviz DOT ソース</translation>
    </message>
    <message>
        <source>GraphML (yEd)</source>
        <translation>GraphML (yEd)</translation>
    </message>
    <message>
        <source>PowerPoint slides, editable shapes</source>
        <translation>PowerPoint スライド（図形を編集可能）</translation>
    </message>
    <message>
        <source>draw.io diagram</source>
        <translation>draw.io 図</translation>
    </message>
    <message>
        <source>Organisation table, CSV</source>
        <translation>組織表 (CSV)</translation>
    </message>
    <message>
        <source>Organisation table, Excel</source>
        <translation>組織表 (Excel)</translation>
    </message>
    <message>
        <source>Re&amp;solution:</source>
        <translation>解像度(&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Include the legend</source>
        <translation>凡例を含める(&amp;I)</translation>
    </message>
    <message>
        <source>Unexpected error: {0}</source>
        <translation>予期しないエラー: {0}</translation>
    </message>
    <message>
        <source>Export Diagram</source>
        <translation>図のエクスポート</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>参照(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>ファイル(&amp;F):</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>形式(&amp;O):</translation>
    </message>
    <message>
        <source>Tidy tree</source>
        <translation>ツリー（整列）</translation>
    </message>
    <message>
        <source>Graphviz dot</source>
        <translation>Graphviz dot</translation>
    </message>
    <message>
        <source>As on the canvas</source>
        <translation>キャンバスの配置のまま</translation>
    </message>
    <message>
        <source>&amp;Layout:</source>
        <translation>レイアウト(&amp;L):</translation>
    </message>
    <message>
        <source>Top to bottom</source>
        <translation>上から下</translation>
    </message>
    <message>
        <source>Left to right</source>
        <translation>左から右</translation>
    </message>
    <message>
        <source>O&amp;rientation:</source>
        <translation>向き(&amp;R):</translation>
    </message>
    <message>
        <source>&amp;Compact (stack leaf units)</source>
        <translation>コンパクト（末端の組織を縦に積む）(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paper (PDF):</source>
        <translation>用紙（PDF）(&amp;P):</translation>
    </message>
    <message>
        <source>Widescreen 16:9</source>
        <translation>ワイド画面 16:9</translation>
    </message>
    <message>
        <source>Standard 4:3</source>
        <translation>標準 4:3</translation>
    </message>
    <message>
        <source>Sli&amp;des:</source>
        <translation>スライド(&amp;D):</translation>
    </message>
    <message>
        <source>&amp;Highlight changes from the current organisation</source>
        <translation>現状からの変更を強調表示(&amp;H)</translation>
    </message>
    <message>
        <source>Lan&amp;guage:</source>
        <translation>言語(&amp;G):</translation>
    </message>
    <message>
        <source>A4 landscape</source>
        <translation>A4 横</translation>
    </message>
    <message>
        <source>A4 portrait</source>
        <translation>A4 縦</translation>
    </message>
    <message>
        <source>A3 landscape</source>
        <translation>A3 横</translation>
    </message>
    <message>
        <source>A3 portrait</source>
        <translation>A3 縦</translation>
    </message>
    <message>
        <source>The PDF page the diagram is fitted and centred on.</source>
        <translation>PDF では、図をこの用紙に収まる大きさで中央に配置します。</translation>
    </message>
    <message>
        <source>&amp;Whole design</source>
        <translation>設計全体(&amp;W)</translation>
    </message>
    <message>
        <source>Everything. A PDF that would be unreadable on one page becomes the overview followed by each company&apos;s page, a large company&apos;s big branches on pages of their own, all linked to each other; a PNG that would be a sliver becomes the overview.</source>
        <translation>すべての部署を描きます。1 ページでは文字が読めなくなる PDF は、概要図に続けて会社ごとのページを設け、大きな会社は大きな部門を別のページに分けて、ページ間をリンクでつなぎます。細長すぎて読めなくなる PNG は概要図にします。</translation>
    </message>
    <message>
        <source>O&amp;verview: companies and their top levels</source>
        <translation>概要図：各社と上位階層のみ(&amp;V)</translation>
    </message>
    <message>
        <source>Every company with its top levels; each box says how many units it hides.</source>
        <translation>各社の上位階層までを描き、省略した部署の数を各ボックスに示します。</translation>
    </message>
    <message>
        <source>One co&amp;mpany:</source>
        <translation>会社を指定(&amp;M):</translation>
    </message>
    <message>
        <source>One bra&amp;nch:</source>
        <translation>部門を指定(&amp;N):</translation>
    </message>
    <message>
        <source>Company to export</source>
        <translation>エクスポートする会社</translation>
    </message>
    <message>
        <source>Branch to export (the unit and those below it)</source>
        <translation>エクスポートする部門（その部署と配下の部署）</translation>
    </message>
    <message>
        <source>Selected: {0}</source>
        <translation>選択中：{0}</translation>
    </message>
    <message>
        <source>The whole design would be unreadable on one {0} page, so the PDF has {1} pages: the overview first, then each company&apos;s page, a large company&apos;s big branches on pages of their own. Each company on the overview and each folded branch links to its page, and the bookmarks list them.</source>
        <translation>設計全体を {0} の 1 ページに収めると読めないため、PDF を {1} ページに分けました。1 ページ目が概要図、以降は会社ごとのページで、大きな会社は大きな部門を別のページに分けています。概要図の各社や、件数入りの箱にまとめた部門をクリックするとそのページに移動でき、しおりからも開けます。</translation>
    </message>
    <message>
        <source>{0} company pages still have labels under 6 pt. For those, export one branch, or choose A3 paper.</source>
        <translation>{0} 社のページは文字が 6 pt 未満です。該当する会社は部門を指定して書き出すか、A3 用紙を選んでください。</translation>
    </message>
    <message>
        <source>The whole design ({0} units) would be an unreadable sliver, so the overview (companies and their top levels) was drawn instead. For all units, export one company or one branch, or the whole design as PDF.</source>
        <translation>設計全体（{0} 部署）は細長すぎて読めないため、代わりに概要図（各社とその上位階層）を描きました。すべての部署を載せるには、会社または部門を指定して書き出すか、設計全体を PDF で書き出してください。</translation>
    </message>
    <message>
        <source>Fitted on {0}, labels are {1} pt (under 6 pt, hard to read). Choose the overview, one company or A3 paper.</source>
        <translation>{0} に収めると文字が {1} pt になり、6 pt 未満で読みにくくなります。概要図、会社の指定、または A3 用紙を選んでください。</translation>
    </message>
    <message>
        <source>Scope:</source>
        <translation>範囲:</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>エクスポート(&amp;E)</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>エクスポート先</translation>
    </message>
    <message>
        <source>Choose a file to export to.</source>
        <translation>エクスポート先のファイルを指定してください。</translation>
    </message>
    <message>
        <source>“{0}” has no known extension; use one of: {1}</source>
        <translation>「{0}」の拡張子に対応していません。次のいずれかを使ってください: {1}</translation>
    </message>
    <message>
        <source>“{0}” is a folder; add a file name.</source>
        <translation>「{0}」はフォルダーです。ファイル名を付けてください。</translation>
    </message>
    <message>
        <source>Exporting {0} units to {1}…</source>
        <translation>{0} 組織を {1} にエクスポートしています…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Exporting {0}: page {1} of {2} written…</source>
        <translation>{0} をエクスポートしています：{2} ページ中 {1} ページ完了…</translation>
    </message>
    <message>
        <source>Cancelling after the page being drawn…</source>
        <translation>描画中のページが終わりしだい中止します…</translation>
    </message>
    <message>
        <source>The export was written. Please note:</source>
        <translation>エクスポートしました。次の点にご注意ください。</translation>
    </message>
    <message>
        <source>The export was not written.</source>
        <translation>エクスポートしたファイルは書き込まれませんでした。</translation>
    </message>
    <message>
        <source>Exported to {0}</source>
        <translation>{0} にエクスポートしました</translation>
    </message>
    <message>
        <source>Print Diagram</source>
        <translation>図の印刷</translation>
    </message>
    <message>
        <source>Sent to the printer</source>
        <translation>プリンターに送信しました</translation>
    </message>
    <message>
        <source>Print Preview — {0}</source>
        <translation>印刷プレビュー — {0}</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新規作成(&amp;N)</translation>
    </message>
    <message>
        <source>New from &amp;Template…</source>
        <translation>テンプレートから新規作成(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>開く(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Import from Excel/CSV…</source>
        <translation>Excel/CSV から取り込む(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>上書き保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>名前を付けて保存(&amp;A)…</translation>
    </message>
    <message>
        <source>Re&amp;vert to Saved</source>
        <translation>保存時の状態に戻す(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>閉じる(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Export Diagram…</source>
        <translation>図をエクスポート(&amp;E)…</translation>
    </message>
    <message>
        <source>Export &amp;Budget Workbook…</source>
        <translation>予算ブックをエクスポート(&amp;B)…</translation>
    </message>
    <message>
        <source>Export Approval &amp;Deck…</source>
        <translation>承認資料を書き出す(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>印刷(&amp;P)…</translation>
    </message>
    <message>
        <source>Print Pre&amp;view…</source>
        <translation>印刷プレビュー(&amp;V)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>設定(&amp;S)…</translation>
    </message>
    <message>
        <source>What the &amp;Colours and Lines Mean</source>
        <translation>色と線の意味(&amp;C)</translation>
    </message>
    <message>
        <source>The &amp;Models in the Source Material</source>
        <translation>出典資料のモデル(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;About OrgDesigner</source>
        <translation>OrgDesigner について(&amp;A)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>切り取り(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>コピー(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>貼り付け(&amp;P)</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>複製(&amp;U)</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>すべて選択(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>削除(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Find Unit…</source>
        <translation>組織を検索(&amp;F)…</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>拡大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>縮小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>ウィンドウに合わせる(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Actual Size (100 %)</source>
        <translation>実寸 (100 %)(&amp;A)</translation>
    </message>
    <message>
        <source>Show &amp;Grid</source>
        <translation>グリッドを表示(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Snap to Grid</source>
        <translation>グリッドに合わせる(&amp;S)</translation>
    </message>
    <message>
        <source>Overlay Flows of the Selection &amp;Only</source>
        <translation>選択中の部署の関係線だけを表示(&amp;O)</translation>
    </message>
    <message>
        <source>Draw reporting lines for everything, and the other flows only for the selected units</source>
        <translation>指揮命令系統はすべて表示し、それ以外の線は選択中の部署のものだけを表示します</translation>
    </message>
    <message>
        <source>Align &amp;Left</source>
        <translation>左揃え(&amp;L)</translation>
    </message>
    <message>
        <source>Align &amp;Centre</source>
        <translation>左右中央揃え(&amp;C)</translation>
    </message>
    <message>
        <source>Align &amp;Right</source>
        <translation>右揃え(&amp;R)</translation>
    </message>
    <message>
        <source>Align &amp;Top</source>
        <translation>上揃え(&amp;T)</translation>
    </message>
    <message>
        <source>Align &amp;Middle</source>
        <translation>上下中央揃え(&amp;M)</translation>
    </message>
    <message>
        <source>Align &amp;Bottom</source>
        <translation>下揃え(&amp;B)</translation>
    </message>
    <message>
        <source>Distribute &amp;Horizontally</source>
        <translation>左右に等間隔で配置(&amp;H)</translation>
    </message>
    <message>
        <source>Distribute &amp;Vertically</source>
        <translation>上下に等間隔で配置(&amp;V)</translation>
    </message>
    <message>
        <source>Auto &amp;Layout</source>
        <translation>自動レイアウト(&amp;L)</translation>
    </message>
    <message>
        <source>Auto Layout, &amp;Compact (stack leaf units)</source>
        <translation>自動レイアウト・コンパクト（末端の組織を縦に積む）(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Connect Mode</source>
        <translation>接続モード(&amp;C)</translation>
    </message>
    <message>
        <source>Connect mode (C): drag from one unit to another to draw a flow of the selected kind</source>
        <translation>接続モード (C): 組織から組織へドラッグすると、選んだ種類の線を引きます</translation>
    </message>
    <message>
        <source>New Company &amp;Frame</source>
        <translation>会社枠を追加(&amp;F)</translation>
    </message>
    <message>
        <source>Fit Frame to &amp;Contents</source>
        <translation>枠を中身に合わせる(&amp;C)</translation>
    </message>
    <message>
        <source>Filter units</source>
        <translation>ユニットを絞り込む</translation>
    </message>
    <message>
        <source>Units to add (drag onto the canvas)</source>
        <translation>追加できるユニット（キャンバスへドラッグ）</translation>
    </message>
    <message>
        <source>Find unit</source>
        <translation>ユニットを検索</translation>
    </message>
    <message>
        <source>Diagram canvas</source>
        <translation>組織図キャンバス</translation>
    </message>
    <message>
        <source>Open designs</source>
        <translation>開いている設計</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>指摘事項</translation>
    </message>
    <message>
        <source>Nearest reference models</source>
        <translation>近い参照モデル</translation>
    </message>
    <message>
        <source>Evidence for the authority style</source>
        <translation>権限の型の根拠</translation>
    </message>
    <message>
        <source>Establishment process steps</source>
        <translation>設立プロセスの各ステップ</translation>
    </message>
    <message>
        <source>Years in the budget</source>
        <translation>予算の年数</translation>
    </message>
    <message>
        <source>Cost items</source>
        <translation>費用項目</translation>
    </message>
    <message>
        <source>Budget totals per year</source>
        <translation>年度ごとの予算合計</translation>
    </message>
    <message>
        <source>CSIRT members</source>
        <translation>CSIRT メンバー</translation>
    </message>
    <message>
        <source>CSIRT services</source>
        <translation>CSIRT のサービス</translation>
    </message>
    <message>
        <source>Other memberships</source>
        <translation>その他の加盟団体</translation>
    </message>
    <message>
        <source>Overview of the whole diagram</source>
        <translation>組織図全体の概観</translation>
    </message>
    <message>
        <source>Current organisation and proposals</source>
        <translation>現状と提案の一覧</translation>
    </message>
    <message>
        <source>Close %1</source>
        <translation>%1 を閉じる</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>予算</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Arrange</source>
        <translation>整列(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>パネル(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Diagram</source>
        <translation>図(&amp;D)</translation>
    </message>
    <message>
        <source>Flow &amp;Kind</source>
        <translation>線の種類(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>ツール(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>やり直し</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>メイン</translation>
    </message>
    <message>
        <source>Flow kinds</source>
        <translation>線の種類</translation>
    </message>
    <message>
        <source>View</source>
        <translation>表示</translation>
    </message>
    <message>
        <source>Find unit (Ctrl+F)</source>
        <translation>組織を検索 (Ctrl+F)</translation>
    </message>
    <message>
        <source>&lt;h2&gt;No design is open&lt;/h2&gt;&lt;p&gt;Start from one of the models in the source material, open a design, or import your organisation from Excel or CSV.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;設計が開かれていません&lt;/h2&gt;&lt;p&gt;出典資料のモデルから始めるか、設計ファイルを開くか、Excel または CSV から自社の組織を取り込んでください。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Collapse &amp;Branch</source>
        <translation>配下を折りたたむ(&amp;B)</translation>
    </message>
    <message>
        <source>Hide the units below the selected units (view only)</source>
        <translation>選択した部署の配下を隠します（表示のみ）</translation>
    </message>
    <message>
        <source>&amp;Expand Branch</source>
        <translation>配下を展開(&amp;E)</translation>
    </message>
    <message>
        <source>Show the units below the selected units again</source>
        <translation>選択した部署の配下を再び表示します</translation>
    </message>
    <message>
        <source>E&amp;xpand All</source>
        <translation>すべて展開(&amp;X)</translation>
    </message>
    <message>
        <source>Show every collapsed branch again</source>
        <translation>折りたたんだ配下をすべて再表示します</translation>
    </message>
    <message>
        <source>Foc&amp;us on Branch</source>
        <translation>この部門だけを表示(&amp;U)</translation>
    </message>
    <message>
        <source>Show only the selected unit and the units below it</source>
        <translation>選択した部署とその配下だけを表示します</translation>
    </message>
    <message>
        <source>Show &amp;Whole Design</source>
        <translation>全体を表示(&amp;W)</translation>
    </message>
    <message>
        <source>Leave the focused branch (Esc)</source>
        <translation>部門の絞り込みを解除します（Esc）</translation>
    </message>
    <message>
        <source>The whole design; click or drag to move the view</source>
        <extracomment>A design of this many units is drawn here after its canvas&apos;s first paint.</extracomment>
        <translation>設計全体。クリックまたはドラッグで表示位置を移動します</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>全体図</translation>
    </message>
    <message>
        <source>Management cannot report to %1; drag from the subordinate to its superior</source>
        <translation>経営層を「%1」の配下にはできません。部下から上位組織へ向けてドラッグしてください</translation>
    </message>
    <message>
        <source>%1 reports to %2</source>
        <translation>「%1」は「%2」の配下として報告</translation>
    </message>
    <message>
        <source>%1 commands %2 in an incident</source>
        <translation>インシデント時に「%1」が「%2」へ指示</translation>
    </message>
    <message>
        <source>%1 delegates authority to %2</source>
        <translation>「%1」が「%2」へ権限を委譲</translation>
    </message>
    <message>
        <source>%1 consults and agrees with %2</source>
        <translation>「%1」と「%2」が合意・協議</translation>
    </message>
    <message>
        <source>%1 supports %2</source>
        <translation>「%1」が「%2」を支援</translation>
    </message>
    <message>
        <source>%1 reports incidents to %2</source>
        <translation>「%1」が「%2」へインシデントを報告</translation>
    </message>
    <message>
        <source>%1 coordinates with %2</source>
        <translation>「%1」が「%2」と外部連携</translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation>シナリオ</translation>
    </message>
    <message>
        <source>Export Approval Deck</source>
        <translation>承認資料の書き出し</translation>
    </message>
    <message>
        <source>None: plain slides</source>
        <translation>なし（標準のスライド）</translation>
    </message>
    <message>
        <source>&amp;Template:</source>
        <translation>テンプレート(&amp;T):</translation>
    </message>
    <message>
        <source>As in the template</source>
        <translation>テンプレートのまま</translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation>参照(&amp;R)…</translation>
    </message>
    <message>
        <source>PowerPoint presentation (*.pptx)</source>
        <translation>PowerPoint プレゼンテーション (*.pptx)</translation>
    </message>
    <message>
        <source>PowerPoint template</source>
        <translation>PowerPoint のテンプレート</translation>
    </message>
    <message>
        <source>PowerPoint template or presentation (*.potx *.pptx)</source>
        <translation>PowerPoint のテンプレートまたはプレゼンテーション (*.potx *.pptx)</translation>
    </message>
    <message>
        <source>Writing the approval deck…</source>
        <translation>承認資料を書き出しています…</translation>
    </message>
    <message>
        <source>The approval deck was not written:</source>
        <translation>承認資料を書き出せませんでした：</translation>
    </message>
    <message>
        <source>Approval deck written to {0}</source>
        <translation>承認資料を {0} に書き出しました</translation>
    </message>
</context>
<context>
    <name>AutosaveManager</name>
    <message>
        <source>Autosave failed: {0}</source>
        <extracomment>Designs of this many units or more are snapshotted in slices. Longest stretch of snapshot work between two events.</extracomment>
        <translation>自動保存に失敗しました: {0}</translation>
    </message>
</context>
<context>
    <name>BudgetExport</name>
    <message>
        <source>Export budget workbook</source>
        <translation>予算ブックのエクスポート</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel ブック (*.xlsx)</translation>
    </message>
    <message>
        <source>The budget workbook could not be written:</source>
        <translation>予算ブックを書き込めませんでした:</translation>
    </message>
    <message>
        <source>Budget workbook written to %1</source>
        <translation>予算ブックを %1 に書き出しました</translation>
    </message>
</context>
<context>
    <name>BudgetPanel</name>
    <message>
        <source>Fiscal years</source>
        <translation>年度数</translation>
    </message>
    <message>
        <source>Add item</source>
        <translation>項目を追加</translation>
    </message>
    <message>
        <source>Remove item</source>
        <translation>項目を削除</translation>
    </message>
    <message>
        <source>Cost items</source>
        <translation>費用項目</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合計</translation>
    </message>
    <message>
        <source>New money</source>
        <translation>新規支出</translation>
    </message>
    <message>
        <source>Existing staff&apos;s time</source>
        <translation>工数振替（既存社員）</translation>
    </message>
    <message>
        <source>Total cost</source>
        <translation>総コスト</translation>
    </message>
    <message>
        <source>Consumption tax</source>
        <translation>消費税</translation>
    </message>
    <message>
        <source>New money: new hires, outsourcing, purchases and the contingency. Total cost adds existing staff&apos;s time moved to the CSIRT (工数振替). Both before tax.</source>
        <translation>新規支出: 増員・外部委託・購入品・予備費。総コストは、これに既存社員の工数振替を加えた金額です。いずれも税抜です。</translation>
    </message>
    <message>
        <source>Cost model</source>
        <translation>算定条件</translation>
    </message>
    <message>
        <source>Approval cover</source>
        <translation>稟議書</translation>
    </message>
    <message>
        <source>Totals per fiscal year (JPY, before tax)</source>
        <translation>年度別合計（円・税抜）</translation>
    </message>
    <message>
        <source>Change budget years</source>
        <translation>予算年度数の変更</translation>
    </message>
    <message>
        <source>Blank item</source>
        <translation>空の項目</translation>
    </message>
    <message>
        <source>Rates are illustrative defaults unless set in the design or in the settings.</source>
        <translation>単価は、設計または設定で指定しない限り、参考用の既定値です。</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>項目</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>区分</translation>
    </message>
    <message>
        <source>CAPEX/OPEX</source>
        <translation>投資/運用</translation>
    </message>
    <message>
        <source>Recurring</source>
        <translation>毎年発生</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>通貨</translation>
    </message>
    <message>
        <source>Taxable</source>
        <translation>課税</translation>
    </message>
    <message>
        <source>Paid by</source>
        <translation>負担会社</translation>
    </message>
    <message>
        <source>Bought from (group)</source>
        <translation>調達先（グループ会社）</translation>
    </message>
    <message>
        <source>A service bought from a group company is an internal transfer: shown in the workbook, never counted twice</source>
        <translation>グループ会社から購入するサービスはグループ内取引です。ワークブックには表示しますが、二重には計上しません</translation>
    </message>
    <message>
        <source>Edit cost item</source>
        <translation>費用項目の編集</translation>
    </message>
    <message>
        <source>Not an amount: %1</source>
        <translation>金額ではありません: %1</translation>
    </message>
    <message>
        <source>New cost item</source>
        <translation>新しい費用項目</translation>
    </message>
    <message>
        <source>Add cost item</source>
        <translation>費用項目の追加</translation>
    </message>
    <message>
        <source>Remove cost item</source>
        <translation>費用項目の削除</translation>
    </message>
</context>
<context>
    <name>CanvasMenus</name>
    <message>
        <source>Rename…</source>
        <translation>名前を変更…</translation>
    </message>
    <message>
        <source>Connect from Here</source>
        <translation>ここから接続</translation>
    </message>
    <message>
        <source>Change Kind</source>
        <translation>種別を変更</translation>
    </message>
    <message>
        <source>Add Subordinate</source>
        <translation>配下にユニットを追加</translation>
    </message>
    <message>
        <source>Select Branch</source>
        <translation>配下をまとめて選択</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>プロパティ</translation>
    </message>
    <message>
        <source>Add Unit Here</source>
        <translation>ここにユニットを追加</translation>
    </message>
    <message>
        <source>Paste Here</source>
        <translation>ここに貼り付け</translation>
    </message>
    <message>
        <source>Cannot paste: %1</source>
        <translation>貼り付けできません: %1</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>貼り付け</translation>
    </message>
    <message>
        <source>Change unit kind</source>
        <translation>組織種別の変更</translation>
    </message>
</context>
<context>
    <name>CompanyPage</name>
    <message>
        <source>In the CSIRT&apos;s scope</source>
        <translation>CSIRT の対象範囲に含める</translation>
    </message>
    <message>
        <source>Fit frame to its units</source>
        <translation>枠を所属組織に合わせる</translation>
    </message>
    <message>
        <source>Name (Japanese)</source>
        <translation>名称（日本語）</translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation>名称（英語）</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種別</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>Rename company</source>
        <translation>会社名の変更</translation>
    </message>
    <message>
        <source>Change company kind</source>
        <translation>会社種別の変更</translation>
    </message>
    <message>
        <source>Change scope</source>
        <translation>対象範囲の変更</translation>
    </message>
    <message>
        <source>Fit frame to contents</source>
        <translation>枠を中身に合わせる</translation>
    </message>
    <message>
        <source>Edit notes</source>
        <translation>メモの編集</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>Compare Scenarios</source>
        <extracomment>Okabe–Ito colours for the change kinds (also told apart by the line style).</extracomment>
        <translation>シナリオの比較</translation>
    </message>
    <message>
        <source>Before:</source>
        <translation>変更前：</translation>
    </message>
    <message>
        <source>After:</source>
        <translation>変更後：</translation>
    </message>
    <message>
        <source>added</source>
        <translation>新設</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>廃止</translation>
    </message>
    <message>
        <source>moved</source>
        <translation>移管</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>変更</translation>
    </message>
    <message>
        <source>Authority: %1 → %2</source>
        <translation>権限の型：%1 → %2</translation>
    </message>
    <message>
        <source>Units moved: %1</source>
        <translation>移管される部署：%1</translation>
    </message>
    <message>
        <source>People affected: %1</source>
        <translation>影響を受ける人数：%1</translation>
    </message>
    <message>
        <source>Authority changes: %1</source>
        <translation>権限が変わる部署：%1</translation>
    </message>
    <message>
        <source>Must agree (合議先): %1</source>
        <translation>合議先：%1</translation>
    </message>
    <message>
        <source>Findings resolved: %1</source>
        <translation>解消される指摘：%1</translation>
    </message>
    <message>
        <source>Findings new: %1</source>
        <translation>新たに生じる指摘：%1</translation>
    </message>
    <message>
        <source>Cost: %1 → %2</source>
        <translation>費用合計：%1 → %2</translation>
    </message>
    <message>
        <source>Roadmap %1: %2</source>
        <translation>ロードマップ %1：%2</translation>
    </message>
</context>
<context>
    <name>CostModelForm</name>
    <message>
        <source>Bonus (months of base pay)</source>
        <translation>賞与（基本給の月数）</translation>
    </message>
    <message>
        <source>Statutory welfare (%)</source>
        <translation>法定福利費率（%）</translation>
    </message>
    <message>
        <source>Office and equipment per head (¥/year)</source>
        <translation>1 名あたりオフィス・機器費（円／年）</translation>
    </message>
    <message>
        <source>Annual pay rise (%)</source>
        <translation>昇給率（%／年）</translation>
    </message>
    <message>
        <source>Contingency (% of new money)</source>
        <translation>予備費率（新規支出に対する %）</translation>
    </message>
    <message>
        <source>Consumption tax (%)</source>
        <translation>消費税率（%）</translation>
    </message>
    <message>
        <source>Depreciation of CAPEX (years)</source>
        <translation>設備投資の償却年数</translation>
    </message>
    <message>
        <source>Outsourced SOC/MSS (¥/year)</source>
        <translation>外部 SOC／MSS 委託費（円／年）</translation>
    </message>
    <message>
        <source>24x7 cover</source>
        <translation>24 時間体制</translation>
    </message>
    <message>
        <source>Group allocation key</source>
        <translation>グループの配賦基準</translation>
    </message>
    <message>
        <source>e.g. 2026-11-30 (TTM)</source>
        <translation>例: 2026-11-30（TTM）</translation>
    </message>
    <message>
        <source>FX rates as of</source>
        <translation>為替レート基準日</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>役割</translation>
    </message>
    <message>
        <source>Change 24x7 option</source>
        <translation>24 時間体制の方式の変更</translation>
    </message>
    <message>
        <source>Change allocation key</source>
        <translation>配賦基準の変更</translation>
    </message>
    <message>
        <source>Not a number: %1</source>
        <translation>数値ではありません: %1</translation>
    </message>
    <message>
        <source>Change budget assumption</source>
        <translation>予算の算定条件の変更</translation>
    </message>
    <message>
        <source>This design (¥/year)</source>
        <translation>本設計の単価（円／年）</translation>
    </message>
    <message>
        <source>Annual base pay per role for this design; empty uses the settings or the shipped default</source>
        <translation>本設計で使う役割別の年間基本給です。空欄の場合は設定または初期値を使います</translation>
    </message>
    <message>
        <source>Change role rate</source>
        <translation>役割別単価の変更</translation>
    </message>
    <message>
        <source>Empty: %1 from the settings or the shipped default</source>
        <translation>空欄: 設定または初期値の %1</translation>
    </message>
</context>
<context>
    <name>DiagramScene</name>
    <message>
        <source>Move %n unit(s)</source>
        <translation>%n 件の組織を移動</translation>
    </message>
    <message>
        <source>Move frame</source>
        <translation>枠の移動</translation>
    </message>
    <message>
        <source>Resize company</source>
        <translation>会社枠のサイズ変更</translation>
    </message>
    <message>
        <source>Connect (%1)</source>
        <translation>接続 (%1)</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>%1 を追加</translation>
    </message>
    <message>
        <source>Routing flows in the background… %1 of %2</source>
        <translation>フローの経路を計算しています… %1 / %2 本</translation>
    </message>
    <message>
        <source>Flows routed</source>
        <translation>フローの経路計算が完了しました</translation>
    </message>
</context>
<context>
    <name>DiagramView</name>
    <message numerus="yes">
        <source>Showing only the branch of “%1” (%n unit(s)). Esc shows the whole design.</source>
        <extracomment>the user asked for the context menu: scene position, global position, by keyboard</extracomment>
        <translation>
            <numerusform>「%1」の配下（%n 組織）だけを表示しています。Esc キーで設計全体に戻ります。</numerusform>
        </translation>
    </message>
    <message>
        <source>Move</source>
        <translation>移動</translation>
    </message>
</context>
<context>
    <name>DocumentController</name>
    <message>
        <source>Untitled</source>
        <translation>無題</translation>
    </message>
</context>
<context>
    <name>EditCommands</name>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Cut</source>
        <translation>切り取り</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>貼り付け</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>複製</translation>
    </message>
    <message>
        <source>Cannot paste: %1</source>
        <translation>貼り付けできません: %1</translation>
    </message>
    <message>
        <source>No unit named “%1”</source>
        <translation>「%1」という組織はありません</translation>
    </message>
    <message>
        <source>Found %1 of %2</source>
        <translation>%2 件中 %1 件目</translation>
    </message>
    <message>
        <source>Align</source>
        <translation>整列</translation>
    </message>
    <message>
        <source>Distribute</source>
        <translation>等間隔に配置</translation>
    </message>
    <message>
        <source>Auto layout</source>
        <translation>自動レイアウト</translation>
    </message>
    <message>
        <source>New company frame</source>
        <translation>会社枠の追加</translation>
    </message>
    <message>
        <source>Fit frame to contents</source>
        <translation>枠を中身に合わせる</translation>
    </message>
    <message>
        <source>Change flow kind</source>
        <translation>線の種類の変更</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <source>Nearest reference model</source>
        <extracomment>Longest stretch of re-checking before the panel hands the event loop back (seconds). A design of this many units is first checked after its canvas has painted, in slices.</extracomment>
        <translation>最も近い参照モデル</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>一致度</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>構築プロセス</translation>
    </message>
    <message>
        <source>Click to cycle: not started → in progress → done</source>
        <translation>クリックで切り替え: 未着手 → 進行中 → 完了</translation>
    </message>
    <message>
        <source>Checking the design…</source>
        <translation>設計を点検しています…</translation>
    </message>
    <message>
        <source>No document is open.</source>
        <translation>設計が開かれていません。</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>指摘事項</translation>
    </message>
    <message>
        <source>Authority style:</source>
        <translation>権限の型:</translation>
    </message>
    <message>
        <source>Findings ({0})</source>
        <translation>指摘事項 ({0})</translation>
    </message>
    <message>
        <source>Errors ({0})</source>
        <translation>エラー ({0})</translation>
    </message>
    <message>
        <source>Warnings ({0})</source>
        <translation>警告 ({0})</translation>
    </message>
    <message>
        <source>Information ({0})</source>
        <translation>情報 ({0})</translation>
    </message>
    <message>
        <source>{0} track ({1}/{2} done)</source>
        <translation>{0}（{1}/{2} 完了）</translation>
    </message>
    <message>
        <source>Every step of the {0} track is done.</source>
        <translation>{0}のすべての手順が完了しました。</translation>
    </message>
    <message>
        <source>Next step ({0}): {1}. {2}</source>
        <translation>次の手順（{0}）: {1}. {2}</translation>
    </message>
    <message>
        <source>Select a finding to see what to do about it.</source>
        <translation>指摘事項を選ぶと、対応方法が表示されます。</translation>
    </message>
    <message>
        <source>No findings.</source>
        <translation>指摘事項はありません。</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>出典:</translation>
    </message>
    <message>
        <source>Quick fix: {0}</source>
        <translation>クイック修正: {0}</translation>
    </message>
    <message>
        <source>Process step {0} ({1}): {2}</source>
        <translation>手順 {0}（{1}）: {2}</translation>
    </message>
</context>
<context>
    <name>FlowPage</name>
    <message>
        <source>Reverse direction</source>
        <translation>向きを反転</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>線</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種別</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>ラベル</translation>
    </message>
    <message>
        <source>Change flow kind</source>
        <translation>線の種類の変更</translation>
    </message>
    <message>
        <source>Edit flow label</source>
        <translation>線のラベルの編集</translation>
    </message>
    <message>
        <source>Reverse flow</source>
        <translation>線の向きの反転</translation>
    </message>
</context>
<context>
    <name>FocusBanner</name>
    <message>
        <source>Show Whole Design</source>
        <translation>設計全体を表示</translation>
    </message>
</context>
<context>
    <name>FontWarning</name>
    <message>
        <source>No font that can draw Japanese is installed, so Japanese names would show as empty boxes on the canvas and in exports.

Install one and restart OrgDesigner:
• Debian/Ubuntu: sudo apt install fonts-noto-cjk
• Fedora: sudo dnf install google-noto-sans-cjk-fonts
• macOS and Windows include Japanese fonts.</source>
        <translation>日本語を表示できるフォントがインストールされていないため、キャンバスやエクスポートで日本語の名称が空白の四角(□)になります。

次のいずれかでフォントをインストールし、OrgDesigner を再起動してください:
• Debian/Ubuntu: sudo apt install fonts-noto-cjk
• Fedora: sudo dnf install google-noto-sans-cjk-fonts
• macOS と Windows には日本語フォントが標準で入っています。</translation>
    </message>
    <message>
        <source>Japanese font missing</source>
        <translation>日本語フォントがありません</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>About OrgDesigner</source>
        <translation>OrgDesigner について</translation>
    </message>
    <message>
        <source>OrgDesigner Help</source>
        <translation>OrgDesigner ヘルプ</translation>
    </message>
    <message>
        <source>What the colours and lines mean</source>
        <translation>色と線の意味</translation>
    </message>
    <message>
        <source>The models in the source material</source>
        <translation>出典資料のモデル</translation>
    </message>
</context>
<context>
    <name>HomeUnitDelegate</name>
    <message>
        <source>(none)</source>
        <translation>（なし）</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Spreadsheets (*.xlsx *.csv *.txt);;All files (*)</source>
        <translation>表計算ファイル (*.xlsx *.csv *.txt);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自動判別</translation>
    </message>
    <message>
        <source>Import organisation from a spreadsheet</source>
        <translation>表計算ファイルから組織を取り込む</translation>
    </message>
    <message>
        <source>optional: the workbook&apos;s flows sheet, or NAME.flows.csv beside a CSV</source>
        <translation>省略可: ブックの flows シート、または CSV と同じ場所の「名前.flows.csv」</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>再読み込み</translation>
    </message>
    <message>
        <source>Units sheet:</source>
        <translation>組織のシート:</translation>
    </message>
    <message>
        <source>Flows (optional):</source>
        <translation>線（省略可）:</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>シート:</translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation>文字コード:</translation>
    </message>
    <message>
        <source>Import as New Document</source>
        <translation>新しい設計として取り込む</translation>
    </message>
    <message>
        <source>Merge into Current Document</source>
        <translation>開いている設計に統合</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>(automatic)</source>
        <translation>（自動）</translation>
    </message>
    <message>
        <source>%1 units, %2 flows, %3 companies ready to import; %4 warning(s).</source>
        <translation>組織 %1 件、線 %2 本、会社 %3 社を取り込めます。警告 %4 件。</translation>
    </message>
    <message>
        <source>%1 error(s) — nothing can be imported until they are fixed in the spreadsheet. %2 row(s) read. Fix them and press Reload.</source>
        <translation>エラーが %1 件あります。表計算ファイル側で直すまで取り込めません（%2 行を読み込み済み）。修正してから「再読み込み」を押してください。</translation>
    </message>
    <message>
        <source>Import organisation</source>
        <translation>組織の取り込み</translation>
    </message>
    <message>
        <source>Flows sheet</source>
        <translation>線のシート</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>取り込み</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <source>No document</source>
        <translation>設計が開かれていません</translation>
    </message>
    <message>
        <source>%1 units, %2 flows and %3 frames selected.</source>
        <translation>組織 %1 件、線 %2 本、枠 %3 個を選択中です。</translation>
    </message>
</context>
<context>
    <name>LegendPage</name>
    <message>
        <source>Units: the shape tells the kind</source>
        <translation>組織: 形で種別を表します</translation>
    </message>
    <message>
        <source>Fill colour: the unit&apos;s main function</source>
        <translation>塗りの色: 組織の主な機能</translation>
    </message>
    <message>
        <source>Flows: colour and line style tell the kind</source>
        <translation>線: 色と線種で種類を表します</translation>
    </message>
</context>
<context>
    <name>LegendWidget</name>
    <message>
        <source>Units</source>
        <translation>組織</translation>
    </message>
    <message>
        <source>Colour = main function</source>
        <translation>色 = 主な機能</translation>
    </message>
    <message>
        <source>Flows</source>
        <translation>線</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>やり直し(&amp;R)</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>組織パレット</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>プロパティ</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>凡例</translation>
    </message>
    <message>
        <source>Diagram canvas</source>
        <translation>組織図キャンバス</translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>%n 件選択中</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing could be opened.</source>
        <translation>開けるものがありませんでした。</translation>
    </message>
</context>
<context>
    <name>MetadataPage</name>
    <message>
        <source>Title (Japanese)</source>
        <translation>表題（日本語）</translation>
    </message>
    <message>
        <source>Title (English)</source>
        <translation>表題（英語）</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>作成者</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>組織名</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>通貨</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>作成日</translation>
    </message>
    <message>
        <source>Finance and the critical-infrastructure sectors make some findings more severe.</source>
        <translation>金融・重要インフラ分野では、一部の指摘の重要度が上がります。</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>業種</translation>
    </message>
    <message>
        <source>Description (Japanese)</source>
        <translation>説明（日本語）</translation>
    </message>
    <message>
        <source>Description (English)</source>
        <translation>説明（英語）</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>出典</translation>
    </message>
    <message>
        <source>Units: %1 · Flows: %2 · Companies: %3</source>
        <translation>組織: %1 · 線: %2 · 会社: %3</translation>
    </message>
    <message>
        <source>Edit design details</source>
        <translation>設計情報の編集</translation>
    </message>
</context>
<context>
    <name>Palette</name>
    <message>
        <source>Filter units…</source>
        <extracomment>A preset was activated (double-click or Enter): add it without dragging.</extracomment>
        <translation>組織を絞り込む…</translation>
    </message>
</context>
<context>
    <name>PlanPage</name>
    <message>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>役割</translation>
    </message>
    <message>
        <source>Home unit</source>
        <translation>所属部署</translation>
    </message>
    <message>
        <source>FTE</source>
        <translation>FTE</translation>
    </message>
    <message>
        <source>Dedicated</source>
        <translation>専任</translation>
    </message>
    <message>
        <source>Staffing</source>
        <translation>要員区分</translation>
    </message>
    <message>
        <source>New hire (増員) and outsourced (外部委託) are new money; existing staff&apos;s time (工数振替) is not</source>
        <translation>増員と外部委託は新規支出になります。工数振替（既存社員の時間）は新規支出になりません</translation>
    </message>
    <message>
        <source>Add member</source>
        <translation>メンバーを追加</translation>
    </message>
    <message>
        <source>Remove member</source>
        <translation>メンバーを削除</translation>
    </message>
    <message>
        <source>Mandate documented and approved</source>
        <translation>CSIRT の権限・責任範囲が文書化され承認されている</translation>
    </message>
    <message>
        <source>others, comma-separated</source>
        <translation>その他（カンマ区切り）</translation>
    </message>
    <message>
        <source>Service hours</source>
        <translation>対応時間</translation>
    </message>
    <message>
        <source>Point of contact</source>
        <translation>窓口（連絡先）</translation>
    </message>
    <message>
        <source>Declared authority</source>
        <translation>規程上の権限</translation>
    </message>
    <message>
        <source>Memberships</source>
        <translation>加盟団体</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>サービス</translation>
    </message>
    <message>
        <source>dedicated</source>
        <translation>専任</translation>
    </message>
    <message>
        <source>concurrent (兼務)</source>
        <translation>兼務</translation>
    </message>
    <message>
        <source>Total FTE: %1 (dedicated %2)</source>
        <translation>FTE 合計: %1（うち専任 %2）</translation>
    </message>
    <message>
        <source>Edit CSIRT plan</source>
        <translation>CSIRT 計画の編集</translation>
    </message>
    <message>
        <source>Member %1</source>
        <translation>メンバー %1</translation>
    </message>
    <message>
        <source>Add CSIRT member</source>
        <translation>CSIRT メンバーの追加</translation>
    </message>
    <message>
        <source>Remove CSIRT member</source>
        <translation>CSIRT メンバーの削除</translation>
    </message>
    <message>
        <source>Edit CSIRT member</source>
        <translation>CSIRT メンバーの編集</translation>
    </message>
</context>
<context>
    <name>ProblemModel</name>
    <message>
        <source>Severity</source>
        <translation>重要度</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>場所</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>問題</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>注記</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Recover unsaved work</source>
        <translation>未保存の作業の復元</translation>
    </message>
    <message>
        <source>OrgDesigner did not close normally last time. These documents had unsaved changes that were saved automatically. Recover the ones you want to keep.</source>
        <translation>前回 OrgDesigner は正常に終了しませんでした。次の設計には未保存の変更があり、自動保存されています。残したいものを復元してください。</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>設計</translation>
    </message>
    <message>
        <source>Saved automatically at</source>
        <translation>自動保存の日時</translation>
    </message>
    <message>
        <source>Original file</source>
        <translation>元のファイル</translation>
    </message>
    <message>
        <source>(never saved)</source>
        <translation>（未保存）</translation>
    </message>
    <message>
        <source>&amp;Recover</source>
        <translation>復元(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>破棄(&amp;D)</translation>
    </message>
    <message>
        <source>Decide &amp;later</source>
        <translation>後で決める(&amp;L)</translation>
    </message>
</context>
<context>
    <name>RingiForm</name>
    <message>
        <source>Subject (件名)</source>
        <translation>件名</translation>
    </message>
    <message>
        <source>Account (勘定科目)</source>
        <translation>勘定科目</translation>
    </message>
    <message>
        <source>Drafting department (起案部署)</source>
        <translation>起案部署</translation>
    </message>
    <message>
        <source>Edit approval cover</source>
        <translation>稟議書の編集</translation>
    </message>
    <message>
        <source>Purpose and expected effect</source>
        <translation>目的・期待効果</translation>
    </message>
    <message>
        <source>Budget status (予算区分)</source>
        <translation>予算区分</translation>
    </message>
    <message>
        <source>Departments consulted (合議先)</source>
        <translation>合議先</translation>
    </message>
</context>
<context>
    <name>ScenariosPanel</name>
    <message>
        <source>Rename…</source>
        <translation>名前の変更…</translation>
    </message>
    <message>
        <source>Move Up</source>
        <translation>上へ</translation>
    </message>
    <message>
        <source>Move Down</source>
        <translation>下へ</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新規</translation>
    </message>
    <message>
        <source>A new proposal: a copy of the selected scenario</source>
        <translation>選択中のシナリオを複製して新しい案を作ります</translation>
    </message>
    <message>
        <source>Recommend</source>
        <translation>推奨案にする</translation>
    </message>
    <message>
        <source>Generate Options…</source>
        <translation>案を自動作成…</translation>
    </message>
    <message>
        <source>Up to three least-change proposals from the current organisation</source>
        <translation>現状から、変更の少ない案を最大 3 つ作ります</translation>
    </message>
    <message>
        <source>Compare…</source>
        <translation>比較…</translation>
    </message>
    <message>
        <source>The current organisation beside the selected proposal</source>
        <translation>現状と選択中の案を並べて比較します</translation>
    </message>
    <message>
        <source>Showing: %1. Click another scenario to show it on the canvas; ★ marks the recommended one.</source>
        <translation>表示中：%1。別のシナリオをクリックするとキャンバスに表示します。★ は推奨案です。</translation>
    </message>
    <message>
        <source>Show Scenario</source>
        <translation>シナリオの表示</translation>
    </message>
    <message>
        <source>New Scenario</source>
        <translation>新しいシナリオ</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名前：</translation>
    </message>
    <message>
        <source>Proposal %1</source>
        <translation>案%1</translation>
    </message>
    <message>
        <source>Rename Scenario</source>
        <translation>シナリオ名の変更</translation>
    </message>
    <message>
        <source>Move Scenario</source>
        <translation>シナリオの並べ替え</translation>
    </message>
    <message>
        <source>The current organisation cannot be deleted.</source>
        <translation>現状は削除できません。</translation>
    </message>
    <message>
        <source>Delete Scenario</source>
        <translation>シナリオの削除</translation>
    </message>
    <message>
        <source>Recommend Scenario</source>
        <translation>推奨案の指定</translation>
    </message>
    <message>
        <source>No option could be generated without errors.</source>
        <translation>エラーのない案を作成できませんでした。</translation>
    </message>
    <message>
        <source>Generate Options</source>
        <translation>案の自動作成</translation>
    </message>
    <message numerus="yes">
        <source>%n option(s) added; ★ marks the recommended one.</source>
        <translation>
            <numerusform>%n 件の案を追加しました。★ が推奨案です。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: resolves %2, new %3, moves %4, must agree %5</source>
        <translation>%1：解消 %2 件、新規 %3 件、移管 %4、合議先 %5</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>General</source>
        <translation>全般</translation>
    </message>
    <message>
        <source>Language of labels and reports:</source>
        <translation>表示と出力の言語:</translation>
    </message>
    <message>
        <source>Default currency of new designs:</source>
        <translation>新しい設計の既定の通貨:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>しない</translation>
    </message>
    <message>
        <source>Save unsaved work for recovery every:</source>
        <translation>復元用に未保存の作業を自動保存する間隔:</translation>
    </message>
    <message>
        <source>Budget assumptions</source>
        <translation>予算の前提</translation>
    </message>
    <message>
        <source>Annual base pay per full-time member in yen (12 months, before bonus); the loaded cost adds the bonus, statutory welfare and office costs below. The shipped figures are illustrative; a design can override them too.</source>
        <translation>常勤 1 名あたりの年間基本給（円、12 か月分、賞与別）です。人件費は、これに下記の賞与・法定福利費・オフィス費を加えて算出します。初期値は参考値で、設計ごとにも変更できます。</translation>
    </message>
    <message>
        <source>Annual base pay (¥)</source>
        <translation>年間基本給（円）</translation>
    </message>
    <message>
        <source>Bonus (months of base pay a year):</source>
        <translation>賞与（年間、基本給の月数）:</translation>
    </message>
    <message>
        <source>Statutory welfare (%):</source>
        <translation>法定福利費率（%）:</translation>
    </message>
    <message>
        <source>Office and equipment per head (¥ a year):</source>
        <translation>1 名あたりオフィス・機器費（円／年）:</translation>
    </message>
    <message>
        <source>Annual pay rise (%):</source>
        <translation>昇給率（%／年）:</translation>
    </message>
    <message>
        <source>Contingency (% of new money):</source>
        <translation>予備費率（新規支出に対する %）:</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>役割</translation>
    </message>
    <message>
        <source>Add role</source>
        <translation>役割を追加</translation>
    </message>
    <message>
        <source>Remove role</source>
        <translation>役割を削除</translation>
    </message>
    <message>
        <source>Reset to the shipped figures</source>
        <translation>同梱の数値に戻す</translation>
    </message>
    <message>
        <source>Row {0}: the role needs a name.</source>
        <translation>{0} 行目: 役割の名前を入力してください。</translation>
    </message>
    <message>
        <source>The role “{0}” is listed twice.</source>
        <translation>役割「{0}」が重複しています。</translation>
    </message>
    <message>
        <source>The cost for “{0}” is not a whole number of yen.</source>
        <translation>「{0}」のコストが円単位の整数ではありません。</translation>
    </message>
    <message>
        <source>The cost for “{0}” is negative.</source>
        <translation>「{0}」のコストがマイナスです。</translation>
    </message>
    <message>
        <source>Settings not saved</source>
        <translation>設定を保存できませんでした</translation>
    </message>
    <message>
        <source>Some settings could not be used.</source>
        <translation>一部の設定を使用できませんでした。</translation>
    </message>
</context>
<context>
    <name>StartGallery</name>
    <message>
        <source>Start — OrgDesigner</source>
        <translation>開始 — OrgDesigner</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Start a design&lt;/h2&gt;Pick a model from the source material or a reference model, or start blank.</source>
        <translation>&lt;h2&gt;設計を始める&lt;/h2&gt;出典資料のモデルや参照モデルを選ぶか、白紙から始めます。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Recent files&lt;/b&gt;</source>
        <translation>&lt;b&gt;最近使ったファイル&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>開く(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Import from Excel/CSV…</source>
        <translation>Excel/CSV から取り込む(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>作成(&amp;C)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Blank design</source>
        <translation>白紙の設計</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>最近使ったファイルはありません</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Blank design&lt;/h3&gt;An empty canvas: draw the organisation from the palette.</source>
        <translation>&lt;h3&gt;白紙の設計&lt;/h3&gt;空のキャンバスです。パレットから組織を配置して描きます。</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>出典:</translation>
    </message>
</context>
<context>
    <name>UnitPage</name>
    <message>
        <source>Name (Japanese)</source>
        <translation>名称（日本語）</translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation>名称（英語）</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種別</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>会社</translation>
    </message>
    <message>
        <source>Functions</source>
        <translation>機能</translation>
    </message>
    <message>
        <source>Headcount</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>組織</translation>
    </message>
    <message>
        <source>CSIRT plan</source>
        <translation>CSIRT 計画</translation>
    </message>
    <message>
        <source>Rename unit</source>
        <translation>組織名の変更</translation>
    </message>
    <message>
        <source>Change unit kind</source>
        <translation>組織種別の変更</translation>
    </message>
    <message>
        <source>Move to company</source>
        <translation>所属会社の変更</translation>
    </message>
    <message>
        <source>Change functions</source>
        <translation>機能の変更</translation>
    </message>
    <message>
        <source>Change headcount</source>
        <translation>人数の変更</translation>
    </message>
    <message>
        <source>Edit notes</source>
        <translation>メモの編集</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（なし）</translation>
    </message>
</context>
<context>
    <name>UnitPreviewModel</name>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>上位組織</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種別</translation>
    </message>
    <message>
        <source>Functions</source>
        <translation>機能</translation>
    </message>
    <message>
        <source>Headcount</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>会社</translation>
    </message>
</context>
</TS>
