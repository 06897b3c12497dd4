<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AttachmentPreview</name>
    <message>
        <source>Download (%1)</source>
        <extracomment>Photo taken on another device: download it to this phone. %1 is its size.</extracomment>
        <translation>下载（%1）</translation>
    </message>
    <message>
        <source>Remove photo</source>
        <extracomment>Photo field: remove this photo from the answer (accessible name of the small ✕ button).</extracomment>
        <translation>删除照片</translation>
    </message>
</context>
<context>
    <name>BundlesPage</name>
    <message>
        <source>USB stick / SD card</source>
        <extracomment>Title of the page for sync by USB stick or SD card.</extracomment>
        <translation>U盘 / SD卡</translation>
    </message>
    <message>
        <source>Saving the bundle…</source>
        <extracomment>Bundle page: working on saving the bundle.</extracomment>
        <translation>正在保存同步包…</translation>
    </message>
    <message>
        <source>Applying the reply…</source>
        <extracomment>Bundle page: working on applying a reply.</extracomment>
        <translation>正在导入回执包…</translation>
    </message>
    <message>
        <source>Delivering the bundle to the bureau's server…</source>
        <extracomment>Bundle page: working on delivering someone's bundle to the server.</extracomment>
        <translation>正在把同步包送交教育局服务器…</translation>
    </message>
    <message>
        <source>Save the bundle</source>
        <extracomment>File dialog title: where to save the bundle.</extracomment>
        <translation>保存同步包</translation>
    </message>
    <message>
        <source>Cunxiao bundles (*.cxbundle)</source>
        <extracomment>File type name in the file dialogs.</extracomment>
        <translation>村校同步包 (*.cxbundle)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Choose the reply</source>
        <extracomment>File dialog title: choose the reply to apply.</extracomment>
        <translation>选择回执包</translation>
    </message>
    <message>
        <source>Choose the bundle to deliver</source>
        <extracomment>File dialog title: choose someone's bundle to deliver.</extracomment>
        <translation>选择要代送的同步包</translation>
    </message>
    <message>
        <source>Save the reply</source>
        <extracomment>File dialog title: where to save the reply of a delivered bundle.</extracomment>
        <translation>保存回执包</translation>
    </message>
    <message>
        <source>No signal for a long time? Save your changes to a USB stick or SD card and take it to the township centre school or the bureau. The file is sealed: whoever carries it cannot read or change it. Bring the reply back and apply it here.</source>
        <extracomment>Bundle page: what the page is for.</extracomment>
        <translation>长时间没有信号？把修改保存到U盘或SD卡，带到乡镇中心校或教育局。文件已加密封存：携带的人无法读取或篡改。把回执包带回来，在这里导入。</translation>
    </message>
    <message>
        <source>Done</source>
        <extracomment>Bundle page: close the receipt.</extracomment>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Save for a USB stick / SD card</source>
        <extracomment>Bundle page: section to save this device's changes.</extracomment>
        <translation>保存到U盘 / SD卡</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) on this device wait to be sent.</source>
        <extracomment>Bundle page: how many changes wait to be sent.</extracomment>
        <translation><numerusform>本设备有 %n 项修改等待发送。</numerusform></translation>
    </message>
    <message>
        <source>Nothing waits to be sent. A bundle still brings back what the bureau has for you.</source>
        <extracomment>Bundle page: nothing waits; a bundle still brings the bureau's news back.</extracomment>
        <translation>没有等待发送的修改。同步包仍可带回教育局给您的新数据。</translation>
    </message>
    <message>
        <source>Records only (photos go later)</source>
        <extracomment>Bundle page: leave photos out to keep the file small.</extracomment>
        <translation>只带记录（照片以后再发）</translation>
    </message>
    <message>
        <source>Save bundle…</source>
        <extracomment>Bundle page: button that opens the save dialog.</extracomment>
        <translation>保存同步包…</translation>
    </message>
    <message>
        <source>Apply a reply</source>
        <extracomment>Bundle page: section to apply the reply that came back.</extracomment>
        <translation>导入回执包</translation>
    </message>
    <message>
        <source>The reply confirms what the bureau received and brings what changed there. Applying the same reply twice changes nothing.</source>
        <extracomment>Bundle page: what applying a reply does.</extracomment>
        <translation>回执包确认教育局收到了什么，并带回那里的新变化。同一个回执包导入两次不会有任何改变。</translation>
    </message>
    <message>
        <source>Choose the reply…</source>
        <extracomment>Bundle page: button that opens the file dialog for a reply.</extracomment>
        <translation>选择回执包…</translation>
    </message>
    <message>
        <source>Deliver someone's bundle</source>
        <extracomment>Bundle page: section to deliver someone else's bundle over this device's link.</extracomment>
        <translation>代送他人的同步包</translation>
    </message>
    <message>
        <source>With a link, this device can deliver a bundle another school brought and save the reply for them. It cannot read what the bundle holds.</source>
        <extracomment>Bundle page: what delivering does; the carrier learns nothing.</extracomment>
        <translation>有网络时，本设备可以代其他学校送交同步包并为他们保存回执包。本设备无法读取同步包的内容。</translation>
    </message>
    <message>
        <source>Largest reply (MB)</source>
        <extracomment>Bundle page: the largest reply, in MB.</extracomment>
        <translation>回执包最大（MB）</translation>
    </message>
    <message>
        <source>Choose the bundle…</source>
        <extracomment>Bundle page: button that opens the file dialog for someone's bundle.</extracomment>
        <translation>选择同步包…</translation>
    </message>
</context>
<context>
    <name>BureauAccountsPage</name>
    <message>
        <source>Accounts</source>
        <extracomment>Title of the bureau's accounts page.</extracomment>
        <translation>账号</translation>
    </message>
    <message>
        <source>School head</source>
        <extracomment>Account role: school head.</extracomment>
        <translation>校长</translation>
    </message>
    <message>
        <source>Teacher</source>
        <extracomment>Account role: teacher.</extracomment>
        <translation>教师</translation>
    </message>
    <message>
        <source>Inspector</source>
        <extracomment>Account role: inspector (supervisor of several schools).</extracomment>
        <translation>督导</translation>
    </message>
    <message>
        <source>Bureau</source>
        <extracomment>Account role: county education bureau staff.</extracomment>
        <translation>教育局</translation>
    </message>
    <message>
        <source>no device</source>
        <extracomment>Accounts: the account has no enrolled device.</extracomment>
        <translation>无设备</translation>
    </message>
    <message>
        <source>%1 device(s), never synced</source>
        <translation>%1 台设备，从未同步</translation>
    </message>
    <message>
        <source>%1 device(s), synced %2 day(s) ago</source>
        <extracomment>Accounts: devices and last sync. %1 devices; %2 days since the last sync.</extracomment>
        <translation>%1 台设备，%2 天前同步</translation>
    </message>
    <message>
        <source>(schools below)</source>
        <extracomment>Accounts: no township chosen (pick schools one by one).</extracomment>
        <translation>（在下方选择学校）</translation>
    </message>
    <message>
        <source>%1 accounts, %2 schools · list as of %3</source>
        <extracomment>Accounts: when the list was fetched from the server. %1 accounts, %2 schools, %3 date and time.</extracomment>
        <translation>%1 个账号，%2 所学校 · 列表截至 %3</translation>
    </message>
    <message>
        <source>No list yet: it needs a connection to the server.</source>
        <extracomment>Accounts: no list fetched yet.</extracomment>
        <translation>尚无列表：需要连接服务器。</translation>
    </message>
    <message>
        <source>Refresh</source>
        <extracomment>Accounts: fetch the list from the server again.</extracomment>
        <translation>刷新</translation>
    </message>
    <message>
        <source>administrator</source>
        <extracomment>Accounts: the account is a bureau administrator.</extracomment>
        <translation>管理员</translation>
    </message>
    <message>
        <source>revoked</source>
        <extracomment>Accounts: the account was revoked.</extracomment>
        <translation>已吊销</translation>
    </message>
    <message>
        <source>No accounts to show.</source>
        <extracomment>Accounts: nothing to show.</extracomment>
        <translation>没有可显示的账号。</translation>
    </message>
    <message>
        <source>Account %1</source>
        <extracomment>Accounts: the section for the chosen account. %1 is the user name.</extracomment>
        <translation>账号 %1</translation>
    </message>
    <message>
        <source>Schools</source>
        <extracomment>Accounts: choose the schools of the account.</extracomment>
        <translation>学校</translation>
    </message>
    <message>
        <source>Whole township</source>
        <extracomment>Accounts: assign every school of a township.</extracomment>
        <translation>整个乡镇</translation>
    </message>
    <message>
        <source>Save schools</source>
        <extracomment>Accounts: save the account's schools.</extracomment>
        <translation>保存学校</translation>
    </message>
    <message>
        <source>New password (6 or more characters)</source>
        <extracomment>Accounts: the new password (at least 6 characters).</extracomment>
        <translation>新密码（至少 6 位）</translation>
    </message>
    <message>
        <source>Reset password</source>
        <extracomment>Accounts: set the new password.</extracomment>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>Enrol a phone</source>
        <extracomment>Accounts: issue a one-time code to enrol a phone for this account.</extracomment>
        <translation>登记手机</translation>
    </message>
    <message>
        <source>Revoke</source>
        <extracomment>Accounts: revoke the account; its devices erase their data.</extracomment>
        <translation>吊销</translation>
    </message>
    <message>
        <source>On the phone: Sign in → Scan the bureau's QR code. Or type the code:</source>
        <extracomment>Enrolment: what the person does with the QR code.</extracomment>
        <translation>在手机上：登录 → 扫描教育局的二维码。或输入登记码：</translation>
    </message>
    <message>
        <source>Server %1 · user %2</source>
        <extracomment>Enrolment: the server address and the account to type. %1 server, %2 user.</extracomment>
        <translation>服务器 %1 · 用户 %2</translation>
    </message>
    <message>
        <source>Enrols one phone; valid until %1. It is shown only now.</source>
        <extracomment>Enrolment: the code enrols one phone and expires. %1 date.</extracomment>
        <translation>只能登记一部手机；有效期至 %1。登记码只显示这一次。</translation>
    </message>
    <message>
        <source>Add an account</source>
        <extracomment>Accounts: the form to add an account.</extracomment>
        <translation>添加账号</translation>
    </message>
    <message>
        <source>User name, e.g. li.ming</source>
        <extracomment>Accounts: the new account's user name.</extracomment>
        <translation>用户名，例如 li.ming</translation>
    </message>
    <message>
        <source>Administrator (manages accounts and schools)</source>
        <extracomment>Accounts: the new bureau account may manage accounts too.</extracomment>
        <translation>管理员（管理账号和学校）</translation>
    </message>
    <message>
        <source>Add account</source>
        <extracomment>Accounts: create the account.</extracomment>
        <translation>添加账号</translation>
    </message>
    <message>
        <source>Add a school</source>
        <extracomment>Accounts: the form to add a school.</extracomment>
        <translation>添加学校</translation>
    </message>
    <message>
        <source>School code, e.g. 530128121</source>
        <extracomment>Accounts: the new school's code.</extracomment>
        <translation>学校代码，例如 530128121</translation>
    </message>
    <message>
        <source>School name</source>
        <extracomment>Accounts: the new school's name.</extracomment>
        <translation>学校名称</translation>
    </message>
    <message>
        <source>Add school</source>
        <extracomment>Accounts: add the school.</extracomment>
        <translation>添加学校</translation>
    </message>
    <message>
        <source>Revoke %1?</source>
        <extracomment>Revoke confirmation title. %1 is the user name.</extracomment>
        <translation>吊销 %1？</translation>
    </message>
    <message>
        <source>The account can no longer sign in, and each of its devices erases its data at its next contact. This cannot be undone.</source>
        <extracomment>Revoke confirmation text.</extracomment>
        <translation>该账号将无法再登录，其每台设备在下次联网时会清除数据。此操作无法撤销。</translation>
    </message>
    <message>
        <source>%1 device(s), synced today</source>
        <extracomment>Accounts: devices and last sync. %1 devices; %2 days since the last sync. Accounts: devices and last sync today. %1 devices.</extracomment>
        <translation>%1 台设备，今天已同步</translation>
    </message>
    <message>
        <source>Choose an account in the list to change its schools, reset its password, revoke it or enrol a phone for it.</source>
        <extracomment>Accounts: hint shown until an account is chosen in the list.</extracomment>
        <translation>在列表中选择一个账号，即可更改其学校、重置密码、吊销账号或为其登记手机。</translation>
    </message>
</context>
<context>
    <name>BureauAssignmentsPage</name>
    <message>
        <source>Assignments</source>
        <extracomment>Title of the bureau's inspection assignments page.
----------
Assignments export: the file's name before the date (督导任务 = inspection assignments).</extracomment>
        <translation>督导安排</translation>
    </message>
    <message>
        <source>Done</source>
        <extracomment>Assignment state: the inspection was done.</extracomment>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Overdue</source>
        <extracomment>Assignment state: the due day passed without an inspection.</extracomment>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <extracomment>Assignment state: the bureau cancelled it.</extracomment>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Planned</source>
        <extracomment>Assignment state: planned, not yet done, not yet due.</extracomment>
        <translation>待督导</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <extracomment>Assignments: a count and its state, e.g. "Overdue 1".</extracomment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>All inspectors</source>
        <extracomment>Assignments filter: every inspector.</extracomment>
        <translation>全部督导员</translation>
    </message>
    <message>
        <source>All townships</source>
        <extracomment>Assignments filter: every township.</extracomment>
        <translation>全部乡镇</translation>
    </message>
    <message>
        <source>+ Plan an inspection</source>
        <extracomment>Assignments (phone): opens the form to plan an inspection.</extracomment>
        <translation>+ 安排督导</translation>
    </message>
    <message>
        <source>Inspections</source>
        <extracomment>Assignments page tab: the planned inspections.</extracomment>
        <translation>督导检查</translation>
    </message>
    <message>
        <source>Home-visit targets</source>
        <extracomment>Assignments page tab: the heads' home-visit targets for teachers.</extracomment>
        <translation>家访目标</translation>
    </message>
    <message>
        <source>%1 · inspector %2 · %3</source>
        <extracomment>Assignment line. %1 township, %2 inspector, %3 checklist form.</extracomment>
        <translation>%1 · 督导员 %2 · %3</translation>
    </message>
    <message>
        <source>Due %1 · marked done by the bureau</source>
        <extracomment>Assignment: marked done by the bureau (inspected on paper). %1 the due day.</extracomment>
        <translation>截止 %1 · 教育局已标记完成</translation>
    </message>
    <message numerus="yes">
        <source>Due %1 · %n day(s) overdue</source>
        <extracomment>Assignment: overdue. %1 the due day; %n days past it.</extracomment>
        <translation><numerusform>截止 %1 · 已逾期 %n 天</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Due %1 · %n day(s) left</source>
        <extracomment>Assignment: planned. %1 the due day; %n days left.</extracomment>
        <translation><numerusform>截止 %1 · 还剩 %n 天</numerusform></translation>
    </message>
    <message>
        <source>Done: %1</source>
        <extracomment>Assignment marked done by hand: %1 the bureau's note on it.</extracomment>
        <translation>完成说明：%1</translation>
    </message>
    <message>
        <source>Mark done</source>
        <extracomment>Assignment action: the inspection was done on paper; mark it done.</extracomment>
        <translation>标记完成</translation>
    </message>
    <message>
        <source>Cancel inspection</source>
        <extracomment>Assignment action: cancel the planned inspection.</extracomment>
        <translation>取消督导</translation>
    </message>
    <message>
        <source>No inspections planned here.</source>
        <extracomment>Assignments: nothing matches the filters.</extracomment>
        <translation>这里没有安排督导。</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <extracomment>Home-visit target heading. %1 the teacher, %2 the school.</extracomment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 / %2 visits · %3</source>
        <extracomment>Home-visit target progress. %1 visits done, %2 the target, %3 the period.</extracomment>
        <translation>已家访 %1 / %2 次 · %3</translation>
    </message>
    <message>
        <source>No home-visit targets set. A school head sets them for the teachers.</source>
        <extracomment>Assignments: no home-visit targets set.</extracomment>
        <translation>尚未设定家访目标。由校长为教师设定。</translation>
    </message>
    <message>
        <source>Plan an inspection</source>
        <extracomment>Heading of the form that plans an inspection.</extracomment>
        <translation>安排督导</translation>
    </message>
    <message>
        <source>Cancel this inspection?</source>
        <extracomment>Confirmation before cancelling a planned inspection.</extracomment>
        <translation>取消这次督导？</translation>
    </message>
    <message>
        <source>The inspection of %1 will be cancelled and leave the inspector's list.</source>
        <extracomment>Confirmation text. %1 the school. The assignment is kept as cancelled; the inspector no longer sees it.</extracomment>
        <translation>%1 的督导将被取消，并从督导员的列表中移除。</translation>
    </message>
    <message>
        <source>School</source>
        <extracomment>Plan an inspection: the school.</extracomment>
        <translation>学校</translation>
    </message>
    <message>
        <source>Inspector</source>
        <extracomment>Plan an inspection: the inspector (an account name).</extracomment>
        <translation>督导</translation>
    </message>
    <message>
        <source>Due by</source>
        <extracomment>Plan an inspection: the day it must be done by.</extracomment>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Checklist</source>
        <extracomment>Plan an inspection: the checklist form the inspector fills.</extracomment>
        <translation>检查清单</translation>
    </message>
    <message>
        <source>Note for the inspector (optional)</source>
        <extracomment>Plan an inspection: an optional note for the inspector.</extracomment>
        <translation>给督导员的备注（可选）</translation>
    </message>
    <message>
        <source>Plan inspection</source>
        <extracomment>Plan an inspection: the button that saves it.</extracomment>
        <translation>安排督导</translation>
    </message>
    <message>
        <source>Due %1 · done: %2, by %3</source>
        <extracomment>Assignment: done by a report. %1 due day, %2 the day of the inspection, %3 who inspected (the report's names, else the account that sent it).</extracomment>
        <translation>截止 %1 · 已完成：%2，检查人 %3</translation>
    </message>
    <message>
        <source>Open report</source>
        <extracomment>Assignment done: opens the report that completed it (the review of the submission, or the inspection).</extracomment>
        <translation>查看报告</translation>
    </message>
</context>
<context>
    <name>BureauCompletenessPage</name>
    <message>
        <source>Reporting completeness</source>
        <extracomment>Title of the bureau's completeness page (which schools have reported).</extracomment>
        <translation>上报完整性</translation>
    </message>
    <message>
        <source>On time</source>
        <extracomment>Completeness: the school sent the return on or before the due date.</extracomment>
        <translation>按时</translation>
    </message>
    <message>
        <source>Late</source>
        <extracomment>Completeness: sent after the due date.</extracomment>
        <translation>迟报</translation>
    </message>
    <message>
        <source>Missing</source>
        <extracomment>Completeness: nothing sent and the due date has passed.</extracomment>
        <translation>未报</translation>
    </message>
    <message>
        <source>Not yet due</source>
        <extracomment>Completeness: nothing sent yet, the due date is still ahead.</extracomment>
        <translation>未到期</translation>
    </message>
    <message>
        <source>Due %1</source>
        <extracomment>Completeness: the due date of the shown period. %1 is the date.</extracomment>
        <translation>截止 %1</translation>
    </message>
    <message>
        <source>No form is filed per period yet.</source>
        <extracomment>Completeness page: no form is filed per period (school year, term, month) in this replica.</extracomment>
        <translation>还没有按周期填报的表单。</translation>
    </message>
    <message>
        <source>Expected</source>
        <extracomment>Completeness total: schools expected to report.</extracomment>
        <translation>应报</translation>
    </message>
    <message>
        <source>Submitted</source>
        <extracomment>Completeness total: schools that reported, with the rate.</extracomment>
        <translation>已提交</translation>
    </message>
    <message>
        <source>By township</source>
        <extracomment>Completeness card heading: the table per township.</extracomment>
        <translation>按乡镇</translation>
    </message>
    <message>
        <source>Township</source>
        <extracomment>Completeness table column: township name.</extracomment>
        <translation>乡镇</translation>
    </message>
    <message>
        <source>Rate</source>
        <extracomment>Completeness table column: the reporting rate.</extracomment>
        <translation>上报率</translation>
    </message>
    <message>
        <source>Schools by period</source>
        <extracomment>Completeness card heading: the grid of schools by period.</extracomment>
        <translation>各校各期上报</translation>
    </message>
    <message>
        <source>Schools in %1</source>
        <extracomment>Completeness card heading: every school in the shown period. %1 is the period.</extracomment>
        <translation>%1 各校</translation>
    </message>
    <message>
        <source>Township: %1</source>
        <extracomment>Completeness contact: the school's township. %1 is the township.</extracomment>
        <translation>乡镇：%1</translation>
    </message>
    <message>
        <source>Head: %1</source>
        <extracomment>Completeness contact: the school's head. %1 is the name.</extracomment>
        <translation>校长：%1</translation>
    </message>
    <message>
        <source>Phone: %1</source>
        <extracomment>Completeness contact: the school's phone number. %1 is the number.</extracomment>
        <translation>电话：%1</translation>
    </message>
    <message>
        <source>School code: %1</source>
        <extracomment>Completeness contact: the school's code. %1 is the code.</extracomment>
        <translation>学校代码：%1</translation>
    </message>
    <message>
        <source>Its devices: no sync known</source>
        <extracomment>Completeness contact: none of the school's devices has synced (or the device list is not here yet).</extracomment>
        <translation>该校设备：没有同步记录</translation>
    </message>
    <message numerus="yes">
        <source>Its devices last synced %n day(s) ago</source>
        <extracomment>Completeness contact: days since any of the school's devices last synced. %n is the number of days.</extracomment>
        <translation><numerusform>该校设备最近一次同步：%n 天前</numerusform></translation>
    </message>
    <message>
        <source>Completeness</source>
        <extracomment>Completeness export: the file's name before the period and date.</extracomment>
        <translation>上报情况</translation>
    </message>
</context>
<context>
    <name>BureauDevicesPage</name>
    <message>
        <source>Devices</source>
        <extracomment>Title of the bureau's device health page.
----------
Devices export: the file's name before the date (设备 = devices).</extracomment>
        <translation>设备</translation>
    </message>
    <message>
        <source>Silent</source>
        <extracomment>Device health: the device has not synced for the chosen number of days.</extracomment>
        <translation>久未同步</translation>
    </message>
    <message>
        <source>Refused changes</source>
        <extracomment>Device health: the device holds changes the server refused.</extracomment>
        <translation>有被拒绝的修改</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <extracomment>Device health: the device has conflicts to settle.</extracomment>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Storage nearly full</source>
        <extracomment>Device health: the device's storage is nearly full.</extracomment>
        <translation>存储空间将满</translation>
    </message>
    <message>
        <source>Wi-Fi</source>
        <extracomment>Device health: the device's link is Wi-Fi or another unmetered one.</extracomment>
        <translation>Wi-Fi</translation>
    </message>
    <message>
        <source>mobile data</source>
        <extracomment>Device health: the device's link is metered mobile data.</extracomment>
        <translation>移动数据</translation>
    </message>
    <message>
        <source>never synced</source>
        <extracomment>Device health: the device never synced.</extracomment>
        <translation>从未同步</translation>
    </message>
    <message>
        <source>synced today</source>
        <extracomment>Device health: last sync today.</extracomment>
        <translation>今天已同步</translation>
    </message>
    <message numerus="yes">
        <source>synced %n day(s) ago</source>
        <extracomment>Device health: days since the last sync. %n is the number of days.</extracomment>
        <translation><numerusform>%n 天前同步</numerusform></translation>
    </message>
    <message>
        <source>%1 devices, %2 need attention</source>
        <extracomment>Device health summary. %1 devices in all, %2 needing attention.</extracomment>
        <translation>共 %1 台设备，%2 台需要关注</translation>
    </message>
    <message>
        <source>Only those needing attention</source>
        <extracomment>Device health filter: show only the devices needing attention.</extracomment>
        <translation>只看需要关注的</translation>
    </message>
    <message>
        <source>Silent after 7 days</source>
        <extracomment>Device health: a device is silent after 7 days without a sync.</extracomment>
        <translation>7 天未同步视为久未同步</translation>
    </message>
    <message>
        <source>Silent after 14 days</source>
        <extracomment>Device health: a device is silent after 14 days without a sync.</extracomment>
        <translation>14 天未同步视为久未同步</translation>
    </message>
    <message>
        <source>Silent after 30 days</source>
        <extracomment>Device health: a device is silent after 30 days without a sync.</extracomment>
        <translation>30 天未同步视为久未同步</translation>
    </message>
    <message>
        <source>List as of %1</source>
        <extracomment>Device health: when the list was brought by a sync. %1 is the date and time.</extracomment>
        <translation>列表更新于 %1</translation>
    </message>
    <message>
        <source>No list yet: it comes with the next sync.</source>
        <extracomment>Device health: the list has not been fetched yet.</extracomment>
        <translation>还没有设备列表：下次同步时获取。</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <extracomment>Device health line: device name and app version. %1 name, %2 version.</extracomment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Not sent: %1 changes, %2 photos · refused %3 · conflicts %4</source>
        <extracomment>Device health line. %1 changes not sent, %2 photos not sent, %3 refused, %4 conflicts.</extracomment>
        <translation>未发送：%1 项修改、%2 张照片 · 被拒绝 %3 · 冲突 %4</translation>
    </message>
    <message>
        <source>Free storage %1 MB · link %2</source>
        <extracomment>Device health line. %1 free storage in MB, %2 the link (metered or unmetered).</extracomment>
        <translation>剩余空间 %1 MB · 网络 %2</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <extracomment>Device health: the device's last error. %1 is the message.</extracomment>
        <translation>最近错误：%1</translation>
    </message>
    <message>
        <source>Has not reported its state yet (older app, or no sync since)</source>
        <extracomment>Device health: the device has not reported yet (an older app, or no sync since the update).</extracomment>
        <translation>尚未报告状态（旧版应用，或升级后尚未同步）</translation>
    </message>
    <message>
        <source>No devices to show.</source>
        <extracomment>Device health: nothing to show.</extracomment>
        <translation>没有可显示的设备。</translation>
    </message>
</context>
<context>
    <name>BureauFormsPage</name>
    <message>
        <source>Forms</source>
        <extracomment>Title of the bureau's forms page (publishing form versions).</extracomment>
        <translation>表单</translation>
    </message>
    <message numerus="yes">
        <source>v%1: %n device(s)</source>
        <extracomment>Forms page: devices holding one version. %1 version, %n number of devices.</extracomment>
        <translation><numerusform>v%1：%n 台设备</numerusform></translation>
    </message>
    <message>
        <source>(not synced since %1)</source>
        <extracomment>Forms page: devices on an older version; when the least recent of them last synced. %1 date.</extracomment>
        <translation>（自 %1 起未同步）</translation>
    </message>
    <message numerus="yes">
        <source>%n device(s) not reported</source>
        <extracomment>Forms page: devices that have not said which version they hold (an older app). %n number of devices.</extracomment>
        <translation><numerusform>%n 台设备未报告</numerusform></translation>
    </message>
    <message>
        <source>no device has reported it yet</source>
        <extracomment>Forms page: no device has reported this form yet.</extracomment>
        <translation>尚无设备报告此表单</translation>
    </message>
    <message>
        <source>every role</source>
        <extracomment>Forms page: the form reaches every role.</extracomment>
        <translation>所有角色</translation>
    </message>
    <message>
        <source>every school</source>
        <extracomment>Forms page: the form reaches every school.</extracomment>
        <translation>所有学校</translation>
    </message>
    <message>
        <source>For %1 · %2</source>
        <extracomment>Forms page: who the form reaches. %1 roles, %2 schools.</extracomment>
        <translation>适用：%1 · %2</translation>
    </message>
    <message>
        <source>Draft waiting</source>
        <extracomment>Forms page: a draft is waiting to be published.</extracomment>
        <translation>有草稿待发布</translation>
    </message>
    <message>
        <source>v%1 goes out with the next sync</source>
        <extracomment>Forms page: the draft was published here and goes out with the next sync. %1 version.</extracomment>
        <translation>v%1 将在下次同步时发出</translation>
    </message>
    <message>
        <source>Refused by the server: %1</source>
        <extracomment>Forms page: the server refused the published draft. %1 the server's reason.</extracomment>
        <translation>服务器拒绝：%1</translation>
    </message>
    <message>
        <source>+ %1 added</source>
        <extracomment>Forms page preview: a field the new version adds. %1 field name.</extracomment>
        <translation>+ %1 新增</translation>
    </message>
    <message>
        <source>− %1 removed</source>
        <extracomment>Forms page preview: a field the new version removes. %1 field name.</extracomment>
        <translation>− %1 删除</translation>
    </message>
    <message>
        <source>~ %1 changed: %2</source>
        <extracomment>Forms page preview: a field the new version changes. %1 field name, %2 what changed (label, type, ...).</extracomment>
        <translation>~ %1 修改：%2</translation>
    </message>
    <message>
        <source>Import a form</source>
        <extracomment>Title of the file dialog for importing a form.</extracomment>
        <translation>导入表单</translation>
    </message>
    <message>
        <source>Forms (*.xlsx *.json)</source>
        <extracomment>File dialog filter for form definitions and XLSForm workbooks.</extracomment>
        <translation>表单 (*.xlsx *.json)</translation>
    </message>
    <message>
        <source>Import .xlsx or .json…</source>
        <extracomment>Forms page: import a form definition or an XLSForm workbook as a draft.</extracomment>
        <translation>导入 .xlsx 或 .json…</translation>
    </message>
    <message>
        <source>Devices as of %1</source>
        <extracomment>Forms page: when the device list (which versions devices hold) is from. %1 date and time.</extracomment>
        <translation>设备列表时间：%1</translation>
    </message>
    <message>
        <source>No device list yet: it comes with the next sync.</source>
        <extracomment>Forms page: no device list yet.</extracomment>
        <translation>尚无设备列表：下次同步时获取。</translation>
    </message>
    <message>
        <source>published v%1</source>
        <extracomment>Forms page: the published version. %1 version number.</extracomment>
        <translation>已发布 v%1</translation>
    </message>
    <message>
        <source>not published yet</source>
        <extracomment>Forms page: the form has never been published.</extracomment>
        <translation>尚未发布</translation>
    </message>
    <message>
        <source>Preview</source>
        <extracomment>Forms page: show the draft's preview.</extracomment>
        <translation>预览</translation>
    </message>
    <message>
        <source>No forms yet. Import an XLSForm workbook or a form definition.</source>
        <extracomment>Forms page: no forms yet.</extracomment>
        <translation>还没有表单。请导入 XLSForm 工作簿或表单定义。</translation>
    </message>
    <message>
        <source>Draft of %1, to become v%2</source>
        <extracomment>Forms page: heading of the draft's preview. %1 form id, %2 the version it will become.</extracomment>
        <translation>%1 的草稿，将成为 v%2</translation>
    </message>
    <message>
        <source>From %1</source>
        <extracomment>Forms page preview: which file the draft came from. %1 file name.</extracomment>
        <translation>来自 %1</translation>
    </message>
    <message>
        <source>Changes from v%1:</source>
        <extracomment>Forms page preview: heading of the changes from the published version. %1 version.</extracomment>
        <translation>相对 v%1 的改动：</translation>
    </message>
    <message>
        <source>A new form: every field is new.</source>
        <extracomment>Forms page preview: a form never published before.</extracomment>
        <translation>新表单：所有字段都是新的。</translation>
    </message>
    <message>
        <source>Publish v%1</source>
        <extracomment>Forms page: publish the draft as the next version (sent at the next sync).</extracomment>
        <translation>发布 v%1</translation>
    </message>
    <message>
        <source>Discard draft</source>
        <translation>放弃草稿</translation>
    </message>
    <message>
        <source>heads</source>
        <extracomment>Forms page: the role of school heads.</extracomment>
        <translation>校长</translation>
    </message>
    <message>
        <source>teachers</source>
        <extracomment>Forms page: the role of teachers.</extracomment>
        <translation>教师</translation>
    </message>
    <message>
        <source>inspectors</source>
        <extracomment>Forms page: the role of inspectors.</extracomment>
        <translation>督学</translation>
    </message>
    <message>
        <source>the bureau</source>
        <extracomment>Forms page: the role of bureau staff.</extracomment>
        <translation>教育局</translation>
    </message>
</context>
<context>
    <name>BureauReviewPage</name>
    <message>
        <source>Review returns</source>
        <extracomment>Title of the bureau's review page.</extracomment>
        <translation>报表审核</translation>
    </message>
    <message>
        <source>Waiting for review</source>
        <extracomment>Review filter: returns waiting for the bureau's review.</extracomment>
        <translation>待审核</translation>
    </message>
    <message>
        <source>Returned</source>
        <extracomment>Review filter: returns sent back to the school.</extracomment>
        <translation>已退回</translation>
    </message>
    <message>
        <source>Accepted</source>
        <extracomment>Review filter: accepted returns.</extracomment>
        <translation>已通过</translation>
    </message>
    <message>
        <source>All states</source>
        <extracomment>Review filter: every state.</extracomment>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All forms</source>
        <extracomment>Review filter: every form.</extracomment>
        <translation>全部表单</translation>
    </message>
    <message>
        <source>All periods</source>
        <extracomment>Review filter: every period.</extracomment>
        <translation>全部周期</translation>
    </message>
    <message>
        <source>All townships</source>
        <extracomment>Review filter: every township.</extracomment>
        <translation>全部乡镇</translation>
    </message>
    <message>
        <source>Accept %1 ticked</source>
        <extracomment>Review page: accept every ticked return at once. %1 is how many.</extracomment>
        <translation>通过选中的 %1 份</translation>
    </message>
    <message>
        <source>Select for accepting</source>
        <extracomment>Accessible name of the tick box that selects a return for accepting several at once.</extracomment>
        <translation>选中以批量通过</translation>
    </message>
    <message>
        <source>Sent %1</source>
        <extracomment>Review list: the day the school sent the return. %1 is the date.</extracomment>
        <translation>%1 报送</translation>
    </message>
    <message numerus="yes">
        <source>%n check(s)</source>
        <extracomment>Review list: how many checks flag this return. %n is the number.</extracomment>
        <translation><numerusform>%n 项提示</numerusform></translation>
    </message>
    <message>
        <source>Correction</source>
        <extracomment>Review list: this return corrects an earlier one.</extracomment>
        <translation>更正</translation>
    </message>
    <message>
        <source>No returns here.</source>
        <extracomment>Review page: nothing matches the filters.</extracomment>
        <translation>这里没有报表。</translation>
    </message>
    <message>
        <source>‹ All returns</source>
        <extracomment>Review page on a phone: back from one return to the list.</extracomment>
        <translation>‹ 全部报表</translation>
    </message>
    <message>
        <source>%1, sent %2</source>
        <extracomment>Review detail: period and the day it was sent. %1 period, %2 date.</extracomment>
        <translation>%1，%2 报送</translation>
    </message>
    <message>
        <source>%1 · head %2 · %3</source>
        <extracomment>Review detail: the school's township, head and phone. %1 township, %2 head, %3 phone.</extracomment>
        <translation>%1 · 校长 %2 · %3</translation>
    </message>
    <message>
        <source>School's note: %1</source>
        <extracomment>Review detail: the school's reason for a correction. %1 is the reason.</extracomment>
        <translation>学校说明：%1</translation>
    </message>
    <message>
        <source>Bureau's comment: %1</source>
        <extracomment>Review detail: the bureau's comment when it returned this. %1 is the comment.</extracomment>
        <translation>教育局意见：%1</translation>
    </message>
    <message>
        <source>Checks</source>
        <extracomment>Review detail heading: what the checks flag.</extracomment>
        <translation>审核提示</translation>
    </message>
    <message>
        <source>Answers</source>
        <extracomment>Review detail heading: the answers beside last period's.</extracomment>
        <translation>填报内容</translation>
    </message>
    <message>
        <source>Question</source>
        <extracomment>Review table column: the question.</extracomment>
        <translation>项目</translation>
    </message>
    <message>
        <source>This period</source>
        <extracomment>Review table column: this period's answer.</extracomment>
        <translation>本期</translation>
    </message>
    <message>
        <source>Last period (%1)</source>
        <extracomment>Review table column: last period's answer. %1 is that period, e.g. 2024-2025.</extracomment>
        <translation>上期（%1）</translation>
    </message>
    <message>
        <source>Last period</source>
        <extracomment>Review table column: last period's answer, when there is none.</extracomment>
        <translation>上期</translation>
    </message>
    <message>
        <source>History</source>
        <extracomment>Review detail heading: the earlier versions this return corrects.</extracomment>
        <translation>历史版本</translation>
    </message>
    <message>
        <source>Decision</source>
        <extracomment>Review detail heading: the bureau's decision.</extracomment>
        <translation>审核意见</translation>
    </message>
    <message>
        <source>Comment for the school (needed to return it)</source>
        <extracomment>Review page: where the bureau writes why a return goes back.</extracomment>
        <translation>给学校的意见（退回时必填）</translation>
    </message>
    <message>
        <source>Accept</source>
        <extracomment>Review page: accept this return (it is then locked).</extracomment>
        <translation>通过</translation>
    </message>
    <message>
        <source>Return with comment</source>
        <extracomment>Review page: send this return back to the school with the comment.</extracomment>
        <translation>退回并附意见</translation>
    </message>
    <message>
        <source>Returns</source>
        <extracomment>Review export: the file's name before the date.</extracomment>
        <translation>报表</translation>
    </message>
</context>
<context>
    <name>BureauStatisticsPage</name>
    <message>
        <source>Statistics</source>
        <extracomment>Title of the bureau's statistics page.
----------
Statistics export: the file's name before the date (统计 = statistics).</extracomment>
        <translation>统计</translation>
    </message>
    <message>
        <source>total</source>
        <extracomment>Statistics: how a county number is made from the schools' answers: summed.</extracomment>
        <translation>合计</translation>
    </message>
    <message>
        <source>rate over the totals</source>
        <extracomment>Statistics: a rate recomputed from the county totals by the form's formula.</extracomment>
        <translation>按合计计算的比率</translation>
    </message>
    <message>
        <source>average</source>
        <extracomment>Statistics: the average of the schools' answers.</extracomment>
        <translation>平均</translation>
    </message>
    <message>
        <source>No form is filed per period yet.</source>
        <extracomment>Statistics page: no form is filed per period in this replica.</extracomment>
        <translation>还没有按周期填报的表单。</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n school(s) counted (returns sent back for correction are not)</source>
        <extracomment>Statistics page: how many schools' returns are counted. %1 is the period, %n the number.</extracomment>
        <translation><numerusform>%1：已统计 %n 所学校（已退回修改的报表不计入）</numerusform></translation>
    </message>
    <message>
        <source>%1 by township</source>
        <extracomment>Statistics card heading: the charted number per township. %1 is the number's label.</extracomment>
        <translation>各乡镇%1</translation>
    </message>
    <message>
        <source>%1 over the periods</source>
        <extracomment>Statistics card heading: the charted number for the county over the periods. %1 is the number's label.</extracomment>
        <translation>%1历年变化</translation>
    </message>
    <message>
        <source>County totals</source>
        <extracomment>Statistics card heading: every number for the county.</extracomment>
        <translation>全县合计</translation>
    </message>
    <message>
        <source>Dropout cases</source>
        <extracomment>Statistics card heading: pupils who left school and the home visits about them.</extracomment>
        <translation>控辍保学</translation>
    </message>
    <message>
        <source>%1 not back at school · %2 back at school · %3 not visited for 30 days</source>
        <extracomment>Dropout card summary. %1 not back at school, %2 back at school, %3 not visited for 30 days.</extracomment>
        <translation>%1 人未返校 · %2 人已返校 · %3 人超过30天未家访</translation>
    </message>
    <message>
        <source>Township</source>
        <extracomment>Dropout table header: township.</extracomment>
        <translation>乡镇</translation>
    </message>
    <message>
        <source>Not back</source>
        <extracomment>Dropout table header: not back at school (short).</extracomment>
        <translation>未返校</translation>
    </message>
    <message>
        <source>Back to school</source>
        <extracomment>Dropout table header: back at school (short).</extracomment>
        <translation>已返校</translation>
    </message>
    <message>
        <source>No visit 30 days</source>
        <extracomment>Dropout table header: not visited for 30 days (short).</extracomment>
        <translation>30天未家访</translation>
    </message>
    <message>
        <source>never visited</source>
        <extracomment>Dropout case: the family was never visited.</extracomment>
        <translation>从未家访</translation>
    </message>
    <message numerus="yes">
        <source>last visit %n day(s) ago</source>
        <extracomment>Dropout case: days since the last home visit. %n is the number of days.</extracomment>
        <translation><numerusform>%n 天前家访</numerusform></translation>
    </message>
    <message>
        <source>and %1 more (all of them in the export)</source>
        <extracomment>Dropout card: more open cases than shown. %1 is how many more.</extracomment>
        <translation>另有 %1 人（导出文件中有全部名单）</translation>
    </message>
    <message>
        <source>Done vs planned in %1 (%2 to %3)</source>
        <extracomment>Statistics page: the period of the done vs planned cards. %1 is the period, %2 and %3 its first and last day.</extracomment>
        <translation>%1 完成与计划（%2 至 %3）</translation>
    </message>
    <message>
        <source>Inspections done vs planned</source>
        <extracomment>Statistics card heading: inspections done against those planned (due in the period).</extracomment>
        <translation>督导检查：完成与计划</translation>
    </message>
    <message>
        <source>By inspector</source>
        <extracomment>Done vs planned card: show the inspectors.</extracomment>
        <translation>按督导</translation>
    </message>
    <message>
        <source>Home visits done vs targets</source>
        <extracomment>Statistics card heading: home visits made against the teachers' targets.</extracomment>
        <translation>家访：完成与目标</translation>
    </message>
    <message>
        <source>By teacher</source>
        <extracomment>Done vs planned card: show the teachers.</extracomment>
        <translation>按教师</translation>
    </message>
</context>
<context>
    <name>CameraPage</name>
    <message>
        <source>Take photo</source>
        <translation>拍照</translation>
    </message>
    <message>
        <source>No camera was found on this device. Use "Choose photo" to pick a picture file instead.</source>
        <translation>本设备没有找到摄像头。请用“选择照片”选取图片文件。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <extracomment>Camera page: close without taking a photo.</extracomment>
        <translation>取消</translation>
    </message>
    <message>
        <source>Scan the bureau's QR code</source>
        <extracomment>Title of the camera page.</extracomment>
        <translation>扫描教育局的二维码</translation>
    </message>
    <message>
        <source>No camera was found on this device. Type the enrolment code instead.</source>
        <extracomment>Camera page on a device without a camera.</extracomment>
        <translation>此设备没有摄像头。请改为手动输入登记码。</translation>
    </message>
    <message>
        <source>Scan</source>
        <extracomment>Camera page: the shutter button (taking a picture of the bureau's QR code).</extracomment>
        <translation>扫描</translation>
    </message>
</context>
<context>
    <name>ConflictsPage</name>
    <message>
        <source>Conflicts</source>
        <extracomment>Title of the conflicts page.</extracomment>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Two people changed the same information. Nothing was lost: choose which value is right, or type the right one.</source>
        <extracomment>Conflicts page: explanation.</extracomment>
        <translation>两人修改了同一项信息。数据没有丢失：请选择正确的值，或输入正确的值。</translation>
    </message>
    <message>
        <source>Kept now</source>
        <extracomment>Conflicts: the value shown now.</extracomment>
        <translation>当前保留的值</translation>
    </message>
    <message>
        <source>Other value</source>
        <extracomment>Conflicts: the other value that lost.</extracomment>
        <translation>另一个值</translation>
    </message>
    <message>
        <source>by %1, %2</source>
        <extracomment>Conflicts: who set the value and when. %1 user, %2 time.</extracomment>
        <translation>%1 修改，%2</translation>
    </message>
    <message>
        <source>Keep this</source>
        <extracomment>Conflicts: choose this value.</extracomment>
        <translation>保留此值</translation>
    </message>
    <message>
        <source>Or type the right value</source>
        <extracomment>Conflicts: type a different value instead.</extracomment>
        <translation>或输入正确的值</translation>
    </message>
    <message>
        <source>Use</source>
        <extracomment>Conflicts: use the typed value.</extracomment>
        <translation>使用</translation>
    </message>
    <message>
        <source>No conflicts. Everything agrees with the bureau.</source>
        <extracomment>Conflicts page: nothing to settle.</extracomment>
        <translation>没有冲突，数据与教育局一致。</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>YYYY-MM-DD</source>
        <extracomment>Placeholder of a date box: the format to type.</extracomment>
        <translation>年-月-日</translation>
    </message>
    <message>
        <source>Today</source>
        <extracomment>Button beside a date box: fills in today's date.</extracomment>
        <translation>今天</translation>
    </message>
</context>
<context>
    <name>DateTimeField</name>
    <message>
        <source>YYYY-MM-DD</source>
        <extracomment>Placeholder of a date box: the format to type.</extracomment>
        <translation>年-月-日</translation>
    </message>
    <message>
        <source>HH:MM</source>
        <extracomment>Placeholder of a time box: the format to type.</extracomment>
        <translation>时:分</translation>
    </message>
    <message>
        <source>Now</source>
        <extracomment>Button beside a date-and-time answer: fills in the date and time now.</extracomment>
        <translation>现在</translation>
    </message>
    <message>
        <source>Time zone UTC%1</source>
        <extracomment>Under a date-and-time answer written in another time zone; %1 is e.g. "+07:00".</extracomment>
        <translation>时区 UTC%1</translation>
    </message>
</context>
<context>
    <name>DoneVsPlannedCard</name>
    <message>
        <source>By township</source>
        <extracomment>Done vs planned card: show the townships.</extracomment>
        <translation>按乡镇</translation>
    </message>
    <message>
        <source>Nothing planned in this period.</source>
        <extracomment>Done vs planned card: nothing planned in the period.</extracomment>
        <translation>本期间没有计划。</translation>
    </message>
    <message>
        <source>Township</source>
        <extracomment>Done vs planned table header: the township.</extracomment>
        <translation>乡镇</translation>
    </message>
    <message>
        <source>Done / planned</source>
        <extracomment>Done vs planned table header: done out of planned (short).</extracomment>
        <translation>完成 / 计划</translation>
    </message>
    <message>
        <source>Targets met</source>
        <extracomment>Done vs planned table header: teachers' targets reached (short).</extracomment>
        <translation>达成目标</translation>
    </message>
    <message>
        <source>Overdue</source>
        <extracomment>Done vs planned table header: inspections past due, not done (short).</extracomment>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>County</source>
        <extracomment>Done vs planned table: the county's total row.</extracomment>
        <translation>全县</translation>
    </message>
</context>
<context>
    <name>DropoutsPage</name>
    <message>
        <source>Dropouts</source>
        <extracomment>Title of the dropout-control page.</extracomment>
        <translation>控辍保学</translation>
    </message>
    <message>
        <source>Pupils who left school. Visit each family and record whether the pupil came back.</source>
        <extracomment>Dropouts page: explanation.</extracomment>
        <translation>已辍学的学生。请逐户家访，并记录学生是否返校。</translation>
    </message>
    <message>
        <source>Grade %1 · Class %2</source>
        <translation>%1年级 · %2班</translation>
    </message>
    <message numerus="yes">
        <source>Last visit %1 · %n visit(s)</source>
        <extracomment>Dropouts: the last visit. %1 date, %2 number of visits.</extracomment>
        <translation><numerusform>最近家访 %1 · 共 %n 次</numerusform></translation>
    </message>
    <message>
        <source>Not visited yet</source>
        <extracomment>Dropouts: no visit yet.</extracomment>
        <translation>尚未家访</translation>
    </message>
    <message>
        <source>Next follow-up: %1</source>
        <extracomment>Dropouts: next follow-up visit date.</extracomment>
        <translation>下次回访：%1</translation>
    </message>
    <message>
        <source>Record visit</source>
        <extracomment>Dropouts: record a visit to this pupil's family.</extracomment>
        <translation>记录家访</translation>
    </message>
    <message>
        <source>Pupil details</source>
        <extracomment>Dropouts: open the pupil's page.</extracomment>
        <translation>学生详情</translation>
    </message>
    <message>
        <source>No pupil has left school.</source>
        <extracomment>Dropouts: nobody left school.</extracomment>
        <translation>没有辍学学生。</translation>
    </message>
</context>
<context>
    <name>EngineAction</name>
    <message>
        <source>Wait for the previous request to finish.</source>
        <extracomment>A request to the bureau's server is still running (account administration, a record's history).</extracomment>
        <translation>请等待上一个请求完成。</translation>
    </message>
    <message>
        <source>No account is open.</source>
        <extracomment>A request to the bureau's server needs an open account.</extracomment>
        <translation>未打开账号。</translation>
    </message>
</context>
<context>
    <name>ExportButtons</name>
    <message>
        <source>Export Excel</source>
        <extracomment>Export button: save the page's tables as an Excel workbook.</extracomment>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <extracomment>Export button: save the page's tables as a CSV file.</extracomment>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <extracomment>Export: where the file was saved. %1 is the file's path.</extracomment>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <extracomment>Export: the file could not be written. %1 says why.</extracomment>
        <translation>未保存：%1</translation>
    </message>
</context>
<context>
    <name>FormFillPage</name>
    <message>
        <source>Form</source>
        <translation>表单</translation>
    </message>
    <message>
        <source>Page %1 of %2: %3</source>
        <extracomment>Form filling: which page. %1 current, %2 total pages (the review page is not counted).</extracomment>
        <translation>第 %1/%2 页：%3</translation>
    </message>
    <message>
        <source>Ready to submit</source>
        <extracomment>Review page: heading of the list of problems.</extracomment>
        <translation>可以提交</translation>
    </message>
    <message>
        <source>Please fix these first</source>
        <translation>请先修改以下问题</translation>
    </message>
    <message>
        <source>All answers are complete. Check them below, then submit.</source>
        <extracomment>Review page: all answers are acceptable.</extracomment>
        <translation>所有内容已填写完整。请核对后提交。</translation>
    </message>
    <message>
        <source>Previous</source>
        <extracomment>Form filling: go to the previous page.</extracomment>
        <translation>上一页</translation>
    </message>
    <message>
        <source>Draft saved</source>
        <extracomment>Form filling: the draft is saved automatically.</extracomment>
        <translation>草稿已保存</translation>
    </message>
    <message>
        <source>Submit</source>
        <extracomment>Form filling: submit the form to the bureau.</extracomment>
        <translation>提交</translation>
    </message>
    <message>
        <source>Next</source>
        <extracomment>Form filling: go to the next page.</extracomment>
        <translation>下一页</translation>
    </message>
    <message>
        <source>Submitted</source>
        <extracomment>Dialog after submitting a form.</extracomment>
        <translation>已提交</translation>
    </message>
    <message>
        <source>The form is saved and will be sent to the bureau at the next sync. You can follow it under Submissions.</source>
        <extracomment>Dialog after submitting a form: what happens next.</extracomment>
        <translation>表单已保存，将在下次同步时发送给教育局。可在“提交记录”中查看进度。</translation>
    </message>
    <message>
        <source>Preview: nothing is saved</source>
        <extracomment>Form filling in the bureau's preview: nothing typed is saved or sent.</extracomment>
        <translation>预览：不会保存任何内容</translation>
    </message>
</context>
<context>
    <name>FormsPage</name>
    <message>
        <source>Forms</source>
        <extracomment>Title of the forms page.</extracomment>
        <translation>表单</translation>
    </message>
    <message>
        <source>Version %1</source>
        <extracomment>Forms list: the form's version number.</extracomment>
        <translation>第 %1 版</translation>
    </message>
    <message>
        <source>No forms yet. Forms published by the bureau arrive with the next sync.</source>
        <extracomment>Forms page: none yet.</extracomment>
        <translation>暂无表单。教育局发布的表单将在下次同步时下载。</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Home</source>
        <extracomment>Title of the home page.</extracomment>
        <translation>首页</translation>
    </message>
    <message>
        <source>Hello, %1</source>
        <extracomment>Home greeting. %1 is the person's user name.</extracomment>
        <translation>您好，%1</translation>
    </message>
    <message>
        <source>What needs doing</source>
        <extracomment>Home card heading: the list of tasks.</extracomment>
        <translation>待办事项</translation>
    </message>
    <message>
        <source>Drafts to finish</source>
        <extracomment>Home task: drafts not yet submitted.</extracomment>
        <translation>未完成的草稿</translation>
    </message>
    <message>
        <source>Returned for correction</source>
        <extracomment>Home task: submissions the bureau returned with a comment, to correct.</extracomment>
        <translation>退回修改</translation>
    </message>
    <message>
        <source>Follow-up visits due</source>
        <extracomment>Home task: home visits whose follow-up date is today or past, pupil not back at school.</extracomment>
        <translation>待回访</translation>
    </message>
    <message>
        <source>Pupils who left school</source>
        <extracomment>Home task: pupils who left school (dropout control).</extracomment>
        <translation>辍学学生</translation>
    </message>
    <message>
        <source>Conflicts to settle</source>
        <extracomment>Home task: sync conflicts to settle.</extracomment>
        <translation>待处理冲突</translation>
    </message>
    <message>
        <source>Sync with the bureau</source>
        <extracomment>Home card heading: sync with the bureau.</extracomment>
        <translation>与教育局同步</translation>
    </message>
    <message>
        <source>Quick actions</source>
        <extracomment>Home card heading: shortcuts.</extracomment>
        <translation>快捷操作</translation>
    </message>
    <message>
        <source>New home visit</source>
        <extracomment>Home shortcut: record a new home visit.</extracomment>
        <translation>新建家访</translation>
    </message>
    <message>
        <source>Add pupil</source>
        <extracomment>Home shortcut: add a pupil.</extracomment>
        <translation>添加学生</translation>
    </message>
    <message>
        <source>Forms due</source>
        <extracomment>Home task: forms this person must file for the current period (school year, term, month) and has not submitted yet.</extracomment>
        <translation>待填报表格</translation>
    </message>
    <message>
        <source>Refused by the server</source>
        <extracomment>Home task: changes the server refused (the reason is shown on each).</extracomment>
        <translation>被服务器拒收</translation>
    </message>
    <message>
        <source>Returns to review</source>
        <extracomment>Home task (bureau): returns the schools sent that wait for the bureau's review.</extracomment>
        <translation>待审核的报表</translation>
    </message>
    <message>
        <source>Schools that have not reported</source>
        <extracomment>Home task (bureau): schools whose return for the current period is overdue.</extracomment>
        <translation>未按期上报的学校</translation>
    </message>
    <message>
        <source>Returned, waiting for the school</source>
        <extracomment>Home task (bureau): returns sent back to schools, waiting for their correction.</extracomment>
        <translation>已退回，等待学校修改</translation>
    </message>
    <message>
        <source>Nothing needs doing now.</source>
        <extracomment>Home: nothing needs doing.</extracomment>
        <translation>目前没有待办事项。</translation>
    </message>
    <message>
        <source>Inspections in progress</source>
        <extracomment>Home task: inspections started and not yet saved as done.</extracomment>
        <translation>进行中的督导</translation>
    </message>
    <message>
        <source>Inspections assigned to you</source>
        <extracomment>Home task (inspector): inspections the bureau assigned to this person, not yet done.</extracomment>
        <translation>安排给您的督导</translation>
    </message>
    <message>
        <source>Home visits to reach your target</source>
        <extracomment>Home task (teacher): home visits still to make to reach the target the head set.</extracomment>
        <translation>距家访目标还差</translation>
    </message>
    <message>
        <source>Home-visit targets</source>
        <extracomment>Home card heading (head): home-visit targets for the school's teachers.</extracomment>
        <translation>家访目标</translation>
    </message>
    <message>
        <source>%1 / %2 visits · %3</source>
        <extracomment>Home-visit target progress. %1 visits done, %2 the target, %3 the period.</extracomment>
        <translation>已家访 %1 / %2 次 · %3</translation>
    </message>
    <message>
        <source>Teacher's account</source>
        <extracomment>Home (head): the teacher's account name for a home-visit target.</extracomment>
        <translation>教师账号</translation>
    </message>
    <message>
        <source>Set this month's target</source>
        <extracomment>Home (head): sets the teacher's home-visit target for this month.</extracomment>
        <translation>设定本月目标</translation>
    </message>
    <message>
        <source>Choose a teacher…</source>
        <extracomment>Home (head): the first line of the list of the school's teachers for a home-visit target.</extracomment>
        <translation>选择教师…</translation>
    </message>
    <message>
        <source>%1 is not among the teachers this phone knows; it is kept, and the bureau's server checks it at the next sync.</source>
        <extracomment>Home (head): the typed account is not among the school's teachers this phone knows. %1 the account.</extracomment>
        <translation>本机还不知道 %1 是本校教师；照样保存，下次同步时由教育局服务器核对。</translation>
    </message>
</context>
<context>
    <name>HomeVisitPage</name>
    <message>
        <source>Home visit</source>
        <extracomment>Title when editing a home visit.</extracomment>
        <translation>家访</translation>
    </message>
    <message>
        <source>New home visit</source>
        <extracomment>Title when recording a new home visit.</extracomment>
        <translation>新建家访</translation>
    </message>
    <message>
        <source>Routine</source>
        <extracomment>Home visit reason.</extracomment>
        <translation>常规家访</translation>
    </message>
    <message>
        <source>Dropout risk</source>
        <extracomment>Home visit reason.</extracomment>
        <translation>辍学风险</translation>
    </message>
    <message>
        <source>Pupil left school</source>
        <extracomment>Home visit reason.</extracomment>
        <translation>学生已辍学</translation>
    </message>
    <message>
        <source>Returned pupil</source>
        <extracomment>Home visit reason.</extracomment>
        <translation>返校学生</translation>
    </message>
    <message>
        <source>Left-behind child</source>
        <extracomment>Home visit reason.</extracomment>
        <translation>留守儿童</translation>
    </message>
    <message>
        <source>Choose the pupil first.</source>
        <translation>请先选择学生。</translation>
    </message>
    <message>
        <source>Enter the date of the visit.</source>
        <translation>请填写家访日期。</translation>
    </message>
    <message>
        <source>Pupil</source>
        <extracomment>Home visit form label.</extracomment>
        <translation>学生</translation>
    </message>
    <message>
        <source>Grade %1 · Class %2</source>
        <translation>%1年级 · %2班</translation>
    </message>
    <message>
        <source>Type a name to find the pupil</source>
        <extracomment>Home visit: search box to pick the pupil.</extracomment>
        <translation>输入姓名查找学生</translation>
    </message>
    <message>
        <source>Visitors</source>
        <extracomment>Home visit form label.</extracomment>
        <translation>家访人</translation>
    </message>
    <message>
        <source>Date of visit</source>
        <extracomment>Home visit form label.</extracomment>
        <translation>家访日期</translation>
    </message>
    <message>
        <source>Reason</source>
        <extracomment>Home visit form label.</extracomment>
        <translation>家访原因</translation>
    </message>
    <message>
        <source>Who was met</source>
        <extracomment>Home visit form label: family members met.</extracomment>
        <translation>见到的人</translation>
    </message>
    <message>
        <source>What was found</source>
        <extracomment>Home visit form label.</extracomment>
        <translation>了解到的情况</translation>
    </message>
    <message>
        <source>What was agreed</source>
        <extracomment>Home visit form label.</extracomment>
        <translation>商定的措施</translation>
    </message>
    <message>
        <source>Back at school</source>
        <extracomment>Home visit: the pupil has come back to school.</extracomment>
        <translation>已返校</translation>
    </message>
    <message>
        <source>Follow-up date</source>
        <extracomment>Home visit form label.</extracomment>
        <translation>回访日期</translation>
    </message>
    <message>
        <source>Location</source>
        <extracomment>Home visit form label.</extracomment>
        <translation>位置</translation>
    </message>
    <message>
        <source>Photo</source>
        <extracomment>Home visit form label.</extracomment>
        <translation>照片</translation>
    </message>
    <message>
        <source>Guardian's signature</source>
        <extracomment>Home visit form label.</extracomment>
        <translation>监护人签名</translation>
    </message>
    <message>
        <source>Saved on this phone. It will be sent to the bureau at the next sync.</source>
        <extracomment>Home visit: confirmation after saving.</extracomment>
        <translation>已保存在本机，将在下次同步时发送给教育局。</translation>
    </message>
    <message>
        <source>Save</source>
        <extracomment>Save button.</extracomment>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>InspectionPage</name>
    <message>
        <source>Inspections</source>
        <extracomment>Title of the inspections page.</extracomment>
        <translation>督导检查</translation>
    </message>
    <message>
        <source>Teaching</source>
        <extracomment>Inspection checklist item.</extracomment>
        <translation>教学</translation>
    </message>
    <message>
        <source>Safety</source>
        <extracomment>Inspection checklist item.</extracomment>
        <translation>安全</translation>
    </message>
    <message>
        <source>Hygiene</source>
        <extracomment>Inspection checklist item.</extracomment>
        <translation>卫生</translation>
    </message>
    <message>
        <source>Canteen</source>
        <extracomment>Inspection checklist item.</extracomment>
        <translation>食堂</translation>
    </message>
    <message>
        <source>Buildings</source>
        <extracomment>Inspection checklist item.</extracomment>
        <translation>校舍</translation>
    </message>
    <message>
        <source>Records</source>
        <extracomment>Inspection checklist item.</extracomment>
        <translation>档案</translation>
    </message>
    <message>
        <source>Fees</source>
        <extracomment>Inspection checklist item.</extracomment>
        <translation>收费</translation>
    </message>
    <message>
        <source>+ New inspection</source>
        <extracomment>Inspections: start a new inspection.</extracomment>
        <translation>+ 新建检查</translation>
    </message>
    <message>
        <source>Done</source>
        <extracomment>Inspection status.</extracomment>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Assigned</source>
        <extracomment>Inspection status.</extracomment>
        <translation>待检查</translation>
    </message>
    <message>
        <source>Checklist</source>
        <extracomment>Inspection: heading of the checklist.</extracomment>
        <translation>检查清单</translation>
    </message>
    <message>
        <source>Pass</source>
        <extracomment>Inspection checklist: the item passes.</extracomment>
        <translation>合格</translation>
    </message>
    <message>
        <source>Fail</source>
        <extracomment>Inspection checklist: the item fails.</extracomment>
        <translation>不合格</translation>
    </message>
    <message>
        <source>Note</source>
        <extracomment>Inspection checklist: a note on the item.</extracomment>
        <translation>备注</translation>
    </message>
    <message>
        <source>Problems found</source>
        <extracomment>Inspection: problems found.</extracomment>
        <translation>发现的问题</translation>
    </message>
    <message>
        <source>Rectification deadline</source>
        <extracomment>Inspection: deadline to fix the problems (整改期限).</extracomment>
        <translation>整改期限</translation>
    </message>
    <message>
        <source>Photo</source>
        <extracomment>Inspection: photos.</extracomment>
        <translation>照片</translation>
    </message>
    <message>
        <source>Head's signature</source>
        <extracomment>Inspection: the school head signs.</extracomment>
        <translation>校长签名</translation>
    </message>
    <message>
        <source>Save inspection</source>
        <extracomment>Inspection: save and mark as done.</extracomment>
        <translation>保存检查</translation>
    </message>
    <message>
        <source>Choose an inspection on the left, or start a new one.</source>
        <extracomment>Inspections: nothing chosen yet (desktop).</extracomment>
        <translation>请在左侧选择一项检查，或新建检查。</translation>
    </message>
    <message>
        <source>Assigned to you</source>
        <extracomment>Inspections: heading of the inspections the bureau assigned to this person.</extracomment>
        <translation>安排给您的</translation>
    </message>
    <message>
        <source>Overdue: due %1 · %2</source>
        <extracomment>Assigned inspection: overdue. %1 the due day, %2 the checklist.</extracomment>
        <translation>已逾期：截止 %1 · %2</translation>
    </message>
    <message>
        <source>Due %1 · %2</source>
        <extracomment>Assigned inspection: due. %1 the due day, %2 the checklist.</extracomment>
        <translation>截止 %1 · %2</translation>
    </message>
</context>
<context>
    <name>LabeledValue</name>
    <message>
        <source>—</source>
        <extracomment>Shown for a value that is not filled in.</extracomment>
        <translation>—</translation>
    </message>
</context>
<context>
    <name>LocationField</name>
    <message>
        <source>Looking for the position…</source>
        <translation>正在定位…</translation>
    </message>
    <message>
        <source>Tap to record where you are, or type the position.</source>
        <extracomment>Location field: a position source exists.</extracomment>
        <translation>点击记录当前位置，或手动输入。</translation>
    </message>
    <message>
        <source>No position source on this device: type latitude and longitude.</source>
        <extracomment>Location field: the device has no GPS / positioning.</extracomment>
        <translation>本设备无法定位：请手动输入纬度和经度。</translation>
    </message>
    <message>
        <source>Record position</source>
        <extracomment>Location field: start reading the position.</extracomment>
        <translation>记录位置</translation>
    </message>
    <message>
        <source>Latitude</source>
        <extracomment>Placeholder: latitude in degrees.</extracomment>
        <translation>纬度</translation>
    </message>
    <message>
        <source>Longitude</source>
        <extracomment>Placeholder: longitude in degrees.</extracomment>
        <translation>经度</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Cunxiao village school data</source>
        <extracomment>Window title: the app's name.</extracomment>
        <translation>村校数据</translation>
    </message>
    <message>
        <source>Home</source>
        <extracomment>Navigation item: the home screen.</extracomment>
        <translation>首页</translation>
    </message>
    <message>
        <source>Pupils</source>
        <extracomment>Navigation item: the pupil roster.</extracomment>
        <translation>学生</translation>
    </message>
    <message>
        <source>Forms</source>
        <extracomment>Navigation item (bureau): the county's forms: publish a new version, who has which.
----------
Navigation item: forms to fill.</extracomment>
        <translation>表单</translation>
    </message>
    <message>
        <source>Submissions</source>
        <extracomment>Navigation item: drafts and submitted forms.</extracomment>
        <translation>提交记录</translation>
    </message>
    <message>
        <source>Dropouts</source>
        <extracomment>Navigation item: pupils who left school (dropout control).</extracomment>
        <translation>控辍保学</translation>
    </message>
    <message>
        <source>Inspections</source>
        <extracomment>Navigation item: school inspections.</extracomment>
        <translation>督导检查</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <extracomment>Navigation item: sync conflicts to settle.</extracomment>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Settings</source>
        <extracomment>Navigation item: settings.</extracomment>
        <translation>设置</translation>
    </message>
    <message>
        <source>Back</source>
        <extracomment>Accessible name of the header button (back or menu).</extracomment>
        <translation>返回</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>菜单</translation>
    </message>
    <message>
        <source>Cunxiao</source>
        <extracomment>Drawer heading: the app's short name.</extracomment>
        <translation>村校</translation>
    </message>
    <message>
        <source>Review returns</source>
        <extracomment>Navigation item (bureau): returns to review, accept or send back.</extracomment>
        <translation>报表审核</translation>
    </message>
    <message>
        <source>Completeness</source>
        <extracomment>Navigation item (bureau): which schools have reported.</extracomment>
        <translation>上报情况</translation>
    </message>
    <message>
        <source>Statistics</source>
        <extracomment>Navigation item (bureau): what the returns add up to, with charts.</extracomment>
        <translation>统计</translation>
    </message>
    <message>
        <source>Devices</source>
        <extracomment>Navigation item (bureau): the county's devices and their health.</extracomment>
        <translation>设备</translation>
    </message>
    <message>
        <source>Accounts</source>
        <extracomment>Navigation item (bureau): accounts, schools and enrolling phones.</extracomment>
        <translation>账号</translation>
    </message>
    <message>
        <source>Assignments</source>
        <extracomment>Navigation item (bureau): inspections planned for inspectors, and home-visit targets.</extracomment>
        <translation>督导安排</translation>
    </message>
</context>
<context>
    <name>PhotoPicker</name>
    <message>
        <source>Choose photo</source>
        <extracomment>Photo field: pick a picture file.</extracomment>
        <translation>选择照片</translation>
    </message>
    <message>
        <source>Replace photo</source>
        <extracomment>Photo field: pick another picture file instead of this one.</extracomment>
        <translation>更换照片</translation>
    </message>
    <message>
        <source>Take photo</source>
        <extracomment>Photo field: take a picture with the camera.</extracomment>
        <translation>拍照</translation>
    </message>
    <message>
        <source>Choose a photo</source>
        <extracomment>Title of the file dialog for photos.</extracomment>
        <translation>选择照片</translation>
    </message>
    <message>
        <source>Pictures (*.jpg *.jpeg *.png)</source>
        <extracomment>File dialog filter for pictures.</extracomment>
        <translation>图片 (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>Add photo</source>
        <extracomment>Photo field with several photos: pick one more picture file.</extracomment>
        <translation>添加照片</translation>
    </message>
</context>
<context>
    <name>PinPage</name>
    <message>
        <source>Choose a PIN</source>
        <extracomment>PIN page title when setting a new PIN.</extracomment>
        <translation>设置PIN码</translation>
    </message>
    <message>
        <source>Unlock</source>
        <extracomment>PIN page title when unlocking.</extracomment>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Type the PIN of %1.</source>
        <extracomment>PIN page explanation when unlocking. %1 is the user name.</extracomment>
        <translation>请输入 %1 的PIN码。</translation>
    </message>
    <message>
        <source>PIN</source>
        <extracomment>Placeholder of the PIN box.</extracomment>
        <translation>PIN码</translation>
    </message>
    <message>
        <source>PIN again</source>
        <extracomment>Placeholder of the second PIN box (type the PIN again).</extracomment>
        <translation>再次输入PIN码</translation>
    </message>
    <message>
        <source>Save PIN</source>
        <extracomment>PIN page button: save the new PIN / unlock.</extracomment>
        <translation>保存PIN码</translation>
    </message>
    <message>
        <source>The two PINs are not the same.</source>
        <extracomment>PIN page: the two PINs differ.</extracomment>
        <translation>两次输入的PIN码不一致。</translation>
    </message>
    <message>
        <source>Sign out</source>
        <extracomment>PIN page: sign out instead of unlocking (the data stays encrypted on the phone).</extracomment>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>A PIN of %1 to 12 digits opens the app on this phone without a connection. It also locks the pupils' data stored here, so a lost phone gives nothing away.</source>
        <extracomment>PIN page explanation when choosing a PIN.</extracomment>
        <translation>%1 到 12 位数字的 PIN 码可在无网络时打开本机应用，并锁住保存在本机的学生数据：手机丢失也不会泄露。</translation>
    </message>
    <message>
        <source>Type the account password of %1 to open the data on this phone. Then choose a new PIN.</source>
        <extracomment>PIN page explanation when the password is needed. %1 is the user name.</extracomment>
        <translation>请输入 %1 的账号密码以打开本机数据，然后设置新的 PIN 码。</translation>
    </message>
    <message>
        <source>Account password</source>
        <extracomment>Placeholder of the password box on the unlock page.</extracomment>
        <translation>账号密码</translation>
    </message>
    <message>
        <source>The PIN needs at least %1 digits.</source>
        <extracomment>PIN page: the PIN is too short. %1 is the least number of digits.</extracomment>
        <translation>PIN 码至少需要 %1 位数字。</translation>
    </message>
    <message numerus="yes">
        <source>%n wrong PIN(s) more and only the account password will open the app.</source>
        <extracomment>PIN page warning before the last tries. %n is the number of tries left.</extracomment>
        <translation><numerusform>再输错 %n 次 PIN 码，就只能用账号密码打开应用。</numerusform></translation>
    </message>
    <message>
        <source>Forgot the PIN? Use the password</source>
        <extracomment>PIN page: unlock with the account password instead (forgotten PIN).</extracomment>
        <translation>忘记 PIN 码？使用账号密码</translation>
    </message>
</context>
<context>
    <name>PupilEditPage</name>
    <message>
        <source>Edit pupil</source>
        <extracomment>Title when editing a pupil.</extracomment>
        <translation>编辑学生</translation>
    </message>
    <message>
        <source>Add pupil</source>
        <extracomment>Title when adding a pupil.</extracomment>
        <translation>添加学生</translation>
    </message>
    <message>
        <source>Please enter the pupil's name.</source>
        <translation>请填写学生姓名。</translation>
    </message>
    <message>
        <source>Name</source>
        <extracomment>Pupil form label.</extracomment>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Gender</source>
        <extracomment>Pupil form label.</extracomment>
        <translation>性别</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Birth date</source>
        <extracomment>Pupil form label.</extracomment>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <extracomment>Pupil form label.</extracomment>
        <translation>民族</translation>
    </message>
    <message>
        <source>Grade</source>
        <extracomment>Pupil form label.</extracomment>
        <translation>年级</translation>
    </message>
    <message>
        <source>Class</source>
        <extracomment>Pupil form label.</extracomment>
        <translation>班级</translation>
    </message>
    <message>
        <source>Guardian</source>
        <extracomment>Pupil form label.</extracomment>
        <translation>监护人</translation>
    </message>
    <message>
        <source>Guardian's phone</source>
        <extracomment>Pupil form label.</extracomment>
        <translation>监护人电话</translation>
    </message>
    <message>
        <source>Village</source>
        <extracomment>Pupil form label.</extracomment>
        <translation>村</translation>
    </message>
    <message>
        <source>Boarding</source>
        <translation>寄宿</translation>
    </message>
    <message>
        <source>Left-behind child</source>
        <translation>留守儿童</translation>
    </message>
    <message>
        <source>Disability</source>
        <translation>残疾</translation>
    </message>
    <message>
        <source>In school</source>
        <translation>在校</translation>
    </message>
    <message>
        <source>Save</source>
        <extracomment>Save button.</extracomment>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>PupilPage</name>
    <message>
        <source>Pupil</source>
        <translation>学生</translation>
    </message>
    <message>
        <source>Yes</source>
        <extracomment>A yes/no value on the pupil page.</extracomment>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Routine</source>
        <extracomment>Home visit reason.</extracomment>
        <translation>常规家访</translation>
    </message>
    <message>
        <source>Dropout risk</source>
        <extracomment>Home visit reason.</extracomment>
        <translation>辍学风险</translation>
    </message>
    <message>
        <source>Pupil left school</source>
        <extracomment>Home visit reason.</extracomment>
        <translation>学生已辍学</translation>
    </message>
    <message>
        <source>Returned pupil</source>
        <extracomment>Home visit reason.</extracomment>
        <translation>返校学生</translation>
    </message>
    <message>
        <source>Left-behind child</source>
        <extracomment>Home visit reason.
----------
Pupil field label: parents work away (留守儿童).</extracomment>
        <translation>留守儿童</translation>
    </message>
    <message>
        <source>Edit</source>
        <extracomment>Pupil page: edit the pupil's details.</extracomment>
        <translation>编辑</translation>
    </message>
    <message>
        <source>New home visit</source>
        <extracomment>Pupil page: record a home visit for this pupil.</extracomment>
        <translation>新建家访</translation>
    </message>
    <message>
        <source>Details</source>
        <extracomment>Pupil page card heading.</extracomment>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>Gender</source>
        <extracomment>Pupil field label.</extracomment>
        <translation>性别</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Birth date</source>
        <extracomment>Pupil field label.</extracomment>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <extracomment>Pupil field label.</extracomment>
        <translation>民族</translation>
    </message>
    <message>
        <source>Grade and class</source>
        <extracomment>Pupil field label: grade and class.</extracomment>
        <translation>年级班级</translation>
    </message>
    <message>
        <source>Grade %1 · Class %2</source>
        <translation>%1年级 · %2班</translation>
    </message>
    <message>
        <source>Guardian</source>
        <extracomment>Pupil field label.</extracomment>
        <translation>监护人</translation>
    </message>
    <message>
        <source>Guardian's phone</source>
        <extracomment>Pupil field label.</extracomment>
        <translation>监护人电话</translation>
    </message>
    <message>
        <source>Village</source>
        <extracomment>Pupil field label.</extracomment>
        <translation>村</translation>
    </message>
    <message>
        <source>Boarding</source>
        <extracomment>Pupil field label: lives at school.</extracomment>
        <translation>寄宿</translation>
    </message>
    <message>
        <source>Disability</source>
        <extracomment>Pupil field label.</extracomment>
        <translation>残疾</translation>
    </message>
    <message>
        <source>Status</source>
        <extracomment>Pupil field label: in school or left.</extracomment>
        <translation>状态</translation>
    </message>
    <message>
        <source>Left school</source>
        <translation>已辍学</translation>
    </message>
    <message>
        <source>In school</source>
        <translation>在校</translation>
    </message>
    <message>
        <source>Home visits (%1)</source>
        <extracomment>Pupil page card heading: list of home visits.</extracomment>
        <translation>家访记录（%1）</translation>
    </message>
    <message>
        <source>No home visits recorded yet.</source>
        <extracomment>Pupil page: no visits yet.</extracomment>
        <translation>还没有家访记录。</translation>
    </message>
    <message>
        <source>Follow up on %1</source>
        <extracomment>Visit history: the follow-up date.</extracomment>
        <translation>%1 回访</translation>
    </message>
</context>
<context>
    <name>PupilsPage</name>
    <message>
        <source>Pupils</source>
        <extracomment>Title of the roster page.</extracomment>
        <translation>学生</translation>
    </message>
    <message>
        <source>Search by name</source>
        <extracomment>Placeholder of the roster search box.</extracomment>
        <translation>按姓名搜索</translation>
    </message>
    <message>
        <source>All grades</source>
        <extracomment>Roster filter: all grades.</extracomment>
        <translation>全部年级</translation>
    </message>
    <message>
        <source>Grade %1</source>
        <extracomment>Roster filter: grade number %1.</extracomment>
        <translation>%1年级</translation>
    </message>
    <message>
        <source>All classes</source>
        <extracomment>Roster filter: all classes.</extracomment>
        <translation>全部班级</translation>
    </message>
    <message>
        <source>Class %1</source>
        <extracomment>Roster filter: class number %1.</extracomment>
        <translation>%1班</translation>
    </message>
    <message numerus="yes">
        <source>%n pupil(s)</source>
        <extracomment>Roster: how many pupils match the search and filters.</extracomment>
        <translation><numerusform>共 %n 名学生</numerusform></translation>
    </message>
    <message>
        <source>+ Add pupil</source>
        <extracomment>Roster: add a new pupil.</extracomment>
        <translation>+ 添加学生</translation>
    </message>
    <message>
        <source>Grade %1 · Class %2 · %3</source>
        <extracomment>Roster row: grade, class and village of a pupil.</extracomment>
        <translation>%1年级 · %2班 · %3</translation>
    </message>
    <message>
        <source>Left school</source>
        <extracomment>Roster badge: the pupil has left school.</extracomment>
        <translation>已辍学</translation>
    </message>
    <message>
        <source>No pupils match. Change the search or the filters, or add a pupil.</source>
        <extracomment>Roster empty state.</extracomment>
        <translation>没有符合条件的学生。请修改搜索或筛选条件，或添加学生。</translation>
    </message>
</context>
<context>
    <name>RecordHistoryCard</name>
    <message>
        <source>Who changed what</source>
        <extracomment>Record history card: its title.</extracomment>
        <translation>谁改了什么</translation>
    </message>
    <message>
        <source>Asking the server…</source>
        <extracomment>Record history card: ask the bureau's server for the record's history.</extracomment>
        <translation>正在向服务器查询…</translation>
    </message>
    <message>
        <source>Show the history from the server</source>
        <translation>从服务器查看修改历史</translation>
    </message>
    <message>
        <source>The server has no change of this record yet.</source>
        <extracomment>Record history card: the server has no write of this record.</extracomment>
        <translation>服务器上还没有这条记录的修改。</translation>
    </message>
    <message>
        <source>%1 · %2 deleted it (device %3)</source>
        <extracomment>Record history line. %1 time, %2 account, %3 device id (short).</extracomment>
        <translation>%1 · %2 删除了它（设备 %3）</translation>
    </message>
    <message>
        <source>%1 · %2 settled a conflict (device %3)</source>
        <extracomment>Record history line: a conflict was settled. %1 time, %2 account, %3 device id (short).</extracomment>
        <translation>%1 · %2 处理了冲突（设备 %3）</translation>
    </message>
    <message>
        <source>%1 · %2 changed it (device %3)</source>
        <extracomment>Record history line. %1 time, %2 account, %3 device id (short).</extracomment>
        <translation>%1 · %2 修改了它（设备 %3）</translation>
    </message>
</context>
<context>
    <name>RepeatField</name>
    <message>
        <source>No. %1</source>
        <extracomment>Repeat group: heading of row number %1.</extracomment>
        <translation>第 %1 项</translation>
    </message>
    <message>
        <source>Remove</source>
        <extracomment>Repeat group: remove this row.</extracomment>
        <translation>删除</translation>
    </message>
    <message>
        <source>+ Add</source>
        <extracomment>Repeat group: add one more row.</extracomment>
        <translation>+ 添加</translation>
    </message>
</context>
<context>
    <name>SelectOneField</name>
    <message>
        <source>Choose…</source>
        <extracomment>Drop-down with nothing chosen yet.</extracomment>
        <translation>请选择…</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <extracomment>Title of the settings page.</extracomment>
        <translation>设置</translation>
    </message>
    <message>
        <source>Language</source>
        <extracomment>Settings: language section heading.</extracomment>
        <translation>语言</translation>
    </message>
    <message>
        <source>Account</source>
        <extracomment>Settings: account section heading.</extracomment>
        <translation>账号</translation>
    </message>
    <message>
        <source>Server</source>
        <extracomment>Settings: the server address.</extracomment>
        <translation>服务器</translation>
    </message>
    <message>
        <source>User</source>
        <extracomment>Settings: the user name and role.</extracomment>
        <translation>用户</translation>
    </message>
    <message>
        <source>School</source>
        <extracomment>Settings: the school(s) of this account.</extracomment>
        <translation>学校</translation>
    </message>
    <message>
        <source>Lock now</source>
        <extracomment>Settings: lock the app (asks for the PIN).</extracomment>
        <translation>立即锁定</translation>
    </message>
    <message>
        <source>Set a PIN</source>
        <translation>设置PIN码</translation>
    </message>
    <message>
        <source>Sign out</source>
        <extracomment>Settings: sign out of this account.</extracomment>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Sync</source>
        <extracomment>Settings: sync section heading.</extracomment>
        <translation>同步</translation>
    </message>
    <message>
        <source>Send photos only over Wi-Fi</source>
        <extracomment>Settings: upload photos only on Wi-Fi or other unmetered networks.</extracomment>
        <translation>仅在Wi-Fi下发送照片</translation>
    </message>
    <message>
        <source>Recent errors</source>
        <extracomment>Settings: recent errors heading.</extracomment>
        <translation>最近的错误</translation>
    </message>
    <message>
        <source>No errors.</source>
        <extracomment>Settings: no recent errors.</extracomment>
        <translation>没有错误。</translation>
    </message>
    <message>
        <source>Clear</source>
        <extracomment>Settings: clear the list of errors.</extracomment>
        <translation>清除</translation>
    </message>
    <message>
        <source>About</source>
        <extracomment>Settings: about section heading.</extracomment>
        <translation>关于</translation>
    </message>
    <message>
        <source>Version</source>
        <extracomment>Settings: app version.</extracomment>
        <translation>版本</translation>
    </message>
    <message>
        <source>No signal for a long time? Carry your changes on a USB stick or SD card.</source>
        <extracomment>Settings: sync without a link, by carrying a file.</extracomment>
        <translation>长时间没有信号？用U盘或SD卡带走您的修改。</translation>
    </message>
    <message>
        <source>USB stick / SD card…</source>
        <extracomment>Settings: opens the USB stick / SD card page.</extracomment>
        <translation>U盘 / SD卡…</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>Sign in</source>
        <extracomment>Title of the sign-in page.</extracomment>
        <translation>登录</translation>
    </message>
    <message>
        <source>Cunxiao</source>
        <extracomment>Sign-in page: the app's name, large.</extracomment>
        <translation>村校</translation>
    </message>
    <message>
        <source>Village school data for the county education bureau</source>
        <extracomment>Sign-in page: one line saying what the app is for.</extracomment>
        <translation>为县教育局采集村校数据</translation>
    </message>
    <message>
        <source>Server address</source>
        <extracomment>Sign-in field label: the bureau's server address.</extracomment>
        <translation>服务器地址</translation>
    </message>
    <message>
        <source>User name</source>
        <extracomment>Sign-in field label: the account name given by the bureau.</extracomment>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <extracomment>Sign-in method: the account password.
----------
Sign-in field label.</extracomment>
        <translation>密码</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <extracomment>Sign-in button.</extracomment>
        <translation>正在登录…</translation>
    </message>
    <message>
        <source>Sign in once with a connection. After that the app works offline and sends your data when a connection is back.</source>
        <extracomment>Sign-in page: note on what happens to data offline.</extracomment>
        <translation>首次登录需要联网。之后可离线使用，恢复网络后自动发送数据。</translation>
    </message>
    <message>
        <source>Enrolment code</source>
        <extracomment>Sign-in method: a one-time enrolment code from the bureau.</extracomment>
        <translation>登记码</translation>
    </message>
    <message>
        <source>Enrolment code (16 letters and digits)</source>
        <extracomment>Sign-in field label: the one-time code the bureau showed.</extracomment>
        <translation>登记码（16 个字母和数字）</translation>
    </message>
    <message>
        <source>Scan the bureau's QR code</source>
        <extracomment>Sign-in: take a picture of the QR code the bureau shows.</extracomment>
        <translation>扫描教育局的二维码</translation>
    </message>
</context>
<context>
    <name>SignatureCanvas</name>
    <message>
        <source>Sign here</source>
        <extracomment>Signature box placeholder.</extracomment>
        <translation>请在此签名</translation>
    </message>
    <message>
        <source>Clear</source>
        <extracomment>Signature box: erase what was drawn.</extracomment>
        <translation>清除</translation>
    </message>
    <message>
        <source>Keep signature</source>
        <extracomment>Signature box: keep the drawn signature.</extracomment>
        <translation>保存签名</translation>
    </message>
</context>
<context>
    <name>StateBadge</name>
    <message>
        <source>Draft</source>
        <extracomment>State of a record or submission: saved on the phone only.</extracomment>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Waiting to send</source>
        <extracomment>State: a local change not yet sent to the bureau.
----------
State: same as pending, for submissions.</extracomment>
        <translation>等待发送</translation>
    </message>
    <message>
        <source>Sent</source>
        <extracomment>State: sent, the bureau has not confirmed yet.</extracomment>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <extracomment>State: the bureau's server confirmed it.</extracomment>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Rejected</source>
        <extracomment>State: the server refused the change.</extracomment>
        <translation>被拒绝</translation>
    </message>
    <message>
        <source>Returned</source>
        <extracomment>State: the bureau returned a submission for correction.</extracomment>
        <translation>已退回</translation>
    </message>
    <message>
        <source>Accepted</source>
        <extracomment>State: the bureau accepted a submission.</extracomment>
        <translation>已通过</translation>
    </message>
    <message>
        <source>Conflict</source>
        <extracomment>State: two people changed the same field; someone must choose.</extracomment>
        <translation>有冲突</translation>
    </message>
    <message>
        <source>Waiting for review</source>
        <extracomment>State of a school's return at the bureau: sent by the school, waiting for the bureau's review.</extracomment>
        <translation>待审核</translation>
    </message>
</context>
<context>
    <name>SubmissionsPage</name>
    <message>
        <source>Submissions</source>
        <extracomment>Title of the submissions page.</extracomment>
        <translation>提交记录</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <extracomment>Submissions: why the server refused it. %1 is the reason.</extracomment>
        <translation>被拒绝：%1</translation>
    </message>
    <message>
        <source>Bureau's comment: %1</source>
        <extracomment>Submissions: the bureau's comment when returning it. %1 is the comment.</extracomment>
        <translation>教育局意见：%1</translation>
    </message>
    <message>
        <source>Tap to continue</source>
        <extracomment>Submissions: hint that the item can be opened and changed.</extracomment>
        <translation>点击继续填写</translation>
    </message>
    <message>
        <source>No drafts or submissions yet.</source>
        <extracomment>Submissions page: nothing yet.</extracomment>
        <translation>暂无草稿或提交记录。</translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <source>Sync now</source>
        <extracomment>Accessible name of the header's sync button.
----------
Home, sync card: button that starts a sync now.</extracomment>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <source>Online</source>
        <extracomment>Home, sync card: the server was reached in the last sync.</extracomment>
        <translation>在线</translation>
    </message>
    <message>
        <source>Offline</source>
        <extracomment>Home, sync card: the server could not be reached (or not tried yet).</extracomment>
        <translation>离线</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent</source>
        <extracomment>Home, sync card: number of changes on this phone not yet confirmed by the bureau.</extracomment>
        <translation><numerusform>%n 项修改等待发送</numerusform></translation>
    </message>
    <message>
        <source>Nothing waiting to be sent</source>
        <extracomment>Home, sync card: nothing is waiting.</extracomment>
        <translation>没有等待发送的内容</translation>
    </message>
</context>
<context>
    <name>TimeField</name>
    <message>
        <source>HH:MM</source>
        <extracomment>Placeholder of a time box: the format to type.</extracomment>
        <translation>时:分</translation>
    </message>
    <message>
        <source>Now</source>
        <extracomment>Button beside a time box: fills in the time now.</extracomment>
        <translation>现在</translation>
    </message>
</context>
<context>
    <name>TransferMeter</name>
    <message>
        <source>Sending a photo: %1 of %2</source>
        <extracomment>Sync progress: a photo is being sent; %1 and %2 are sizes such as "96 KB" of "350 KB".</extracomment>
        <translation>正在发送照片：%1 / %2</translation>
    </message>
    <message numerus="yes">
        <source>Received %1 of about %2 (%n record(s) still to come)</source>
        <extracomment>Sync progress during a large download (e.g. the first one); %1 and %2 are sizes, %n the number of records still to come.</extracomment>
        <translation><numerusform>已接收 %1，共约 %2（还有 %n 条记录）</numerusform></translation>
    </message>
    <message>
        <source>Sent %1 of %2</source>
        <extracomment>Sync progress while sending many changes; %1 and %2 are sizes.</extracomment>
        <translation>已发送 %1 / %2</translation>
    </message>
</context>
<context>
    <name>cx::app::AccountsAdminModel</name>
    <message>
        <source>The server cannot be reached, so nothing was changed (%1). What you typed is kept; try again when the connection is back.</source>
        <extracomment>Account administration needs the server. %1: what went wrong, in plain words.</extracomment>
        <translation>无法连接服务器，未做任何更改（%1）。您输入的内容已保留；联网后请重试。</translation>
    </message>
    <message>
        <source>Only a bureau administrator manages accounts and schools.</source>
        <extracomment>Account administration refused: this account is not a bureau administrator.</extracomment>
        <translation>只有教育局管理员可以管理账号和学校。</translation>
    </message>
</context>
<context>
    <name>cx::app::AppContext</name>
    <message>
        <source>No account is open.</source>
        <translation>未打开账号。</translation>
    </message>
</context>
<context>
    <name>cx::app::AssignmentsModel</name>
    <message>
        <source>Choose the school to inspect.</source>
        <extracomment>Planning an inspection: no school chosen.</extracomment>
        <translation>请选择要督导的学校。</translation>
    </message>
    <message>
        <source>Choose the inspector who will inspect.</source>
        <extracomment>Planning an inspection: no inspector chosen.</extracomment>
        <translation>请选择督导员。</translation>
    </message>
    <message>
        <source>Choose the checklist form.</source>
        <extracomment>Planning an inspection: no checklist form chosen.</extracomment>
        <translation>请选择检查表。</translation>
    </message>
    <message>
        <source>The due date "%1" is not a day like 2026-12-31.</source>
        <extracomment>Planning an inspection: %1 what was typed as the due date.</extracomment>
        <translation>截止日期“%1”不是有效日期（格式如 2026-12-31）。</translation>
    </message>
    <message>
        <source>The due date %1 is before today (%2).</source>
        <extracomment>Planning an inspection: %1 the due date, %2 today (the day it is planned).</extracomment>
        <translation>截止日期 %1 早于今天（%2）。</translation>
    </message>
    <message>
        <source>The due date %1 has already passed.</source>
        <extracomment>Planning an inspection: %1 the due date.</extracomment>
        <translation>截止日期 %1 已经过去。</translation>
    </message>
    <message>
        <source>There is no school %1 in this county.</source>
        <extracomment>Planning an inspection: %1 the school code.</extracomment>
        <translation>本县没有学校 %1。</translation>
    </message>
    <message>
        <source>There is no form %1 to use as the checklist.</source>
        <extracomment>Planning an inspection: %1 the form's id.</extracomment>
        <translation>没有可用作检查表的表单 %1。</translation>
    </message>
    <message>
        <source>This inspection is already done; only a planned or overdue one can be cancelled or marked done.</source>
        <extracomment>Cancelling or marking done an assignment that is already done.</extracomment>
        <translation>这次督导已完成；只有待督导或已逾期的才能取消或标记完成。</translation>
    </message>
    <message>
        <source>This inspection is already cancelled; only a planned or overdue one can be cancelled or marked done.</source>
        <translation>这次督导已取消；只有待督导或已逾期的才能取消或标记完成。</translation>
    </message>
    <message>
        <source>Enter the teacher's account.</source>
        <extracomment>Setting a home-visit target: no teacher given.</extracomment>
        <translation>请输入教师账号。</translation>
    </message>
    <message>
        <source>The target is a number of visits from 1 to 500.</source>
        <extracomment>Setting a home-visit target: the number is out of range.</extracomment>
        <translation>目标家访次数应为 1 到 500。</translation>
    </message>
    <message>
        <source>The period "%1" is not a month (2026-12), a term (2026-autumn) or a school year (2026-2027).</source>
        <extracomment>Setting a home-visit target: %1 the period typed.</extracomment>
        <translation>期间“%1”不是月份（2026-12）、学期（2026-autumn）或学年（2026-2027）。</translation>
    </message>
    <message>
        <source>Done</source>
        <extracomment>Assignments export: the state of an assignment.</extracomment>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Overdue</source>
        <extracomment>Assignments export: the state of an assignment.</extracomment>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <extracomment>Assignments export: the state of an assignment.</extracomment>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Planned</source>
        <extracomment>Assignments export: the state of an assignment.</extracomment>
        <translation>待督导</translation>
    </message>
    <message>
        <source>Due</source>
        <extracomment>Assignments export, inspections sheet: column headers.</extracomment>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>School</source>
        <extracomment>Assignments export, targets sheet: column headers.</extracomment>
        <translation>学校</translation>
    </message>
    <message>
        <source>School code</source>
        <translation>学校代码</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>督导</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>检查清单</translation>
    </message>
    <message>
        <source>Assigned on</source>
        <translation>安排日期</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <source>How it was done</source>
        <translation>完成方式</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Note when marked done</source>
        <translation>标记完成时的备注</translation>
    </message>
    <message>
        <source>Marked done by hand</source>
        <extracomment>Assignments export: the bureau marked the inspection done by hand.</extracomment>
        <translation>手动标记完成</translation>
    </message>
    <message>
        <source>Inspection %1</source>
        <translation>督导记录 %1</translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation>教师</translation>
    </message>
    <message>
        <source>Teacher's name</source>
        <translation>教师姓名</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Visits made</source>
        <translation>已家访次数</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>已达成</translation>
    </message>
    <message>
        <source>Period ended</source>
        <translation>期间已结束</translation>
    </message>
    <message>
        <source>Yes</source>
        <extracomment>Assignments export: yes (a target met, a period ended); empty otherwise.</extracomment>
        <translation>是</translation>
    </message>
    <message>
        <source>Inspections</source>
        <extracomment>Assignments export: the sheets' names.</extracomment>
        <translation>督导检查</translation>
    </message>
    <message>
        <source>Home-visit targets</source>
        <translation>家访目标</translation>
    </message>
    <message>
        <source>The bureau's server refused %1: it is not a teacher account of school %2. Check the account, or ask the bureau to add it.</source>
        <extracomment>A home-visit target the server refused. %1 the account typed, %2 the school's code.</extracomment>
        <translation>教育局服务器拒收 %1：它不是学校 %2 的教师账号。请核对账号，或请教育局添加。</translation>
    </message>
</context>
<context>
    <name>cx::app::BundleController</name>
    <message>
        <source>The bundle was not saved</source>
        <extracomment>Bundle page: saving failed.</extracomment>
        <translation>同步包未保存</translation>
    </message>
    <message>
        <source>Your changes are still on this device; nothing was lost.</source>
        <extracomment>Bundle page: after a failed save, nothing is lost.</extracomment>
        <translation>您的修改仍在本设备上，没有丢失任何数据。</translation>
    </message>
    <message>
        <source>The reply was not applied</source>
        <extracomment>Bundle page: applying a reply failed.</extracomment>
        <translation>回执包未导入</translation>
    </message>
    <message>
        <source>Nothing from this file was applied; your changes are kept.</source>
        <extracomment>Bundle page: after a failed reply, nothing changed.</extracomment>
        <translation>此文件的内容均未导入；您的修改都已保留。</translation>
    </message>
    <message>
        <source>The bundle was not delivered</source>
        <extracomment>Bundle page: delivering someone's bundle failed.</extracomment>
        <translation>同步包未送达</translation>
    </message>
    <message>
        <source>The bundle file is unchanged; you can try again when the link is better.</source>
        <extracomment>Bundle page: after a failed delivery.</extracomment>
        <translation>同步包文件没有改变；网络好一些时可以再试。</translation>
    </message>
    <message>
        <source>Bundle saved</source>
        <extracomment>Bundle page: receipt title after saving a bundle.</extracomment>
        <translation>同步包已保存</translation>
    </message>
    <message>
        <source>Nothing to send: the reply will bring what the bureau has for you.</source>
        <extracomment>Bundle receipt: nothing to send, but the reply brings what the bureau has.</extracomment>
        <translation>没有要发送的修改：回执包会带回教育局给您的新数据。</translation>
    </message>
    <message numerus="yes">
        <source>It carries %n change(s)</source>
        <extracomment>Bundle receipt: how many changes the bundle carries.</extracomment>
        <translation><numerusform>包含 %n 项修改</numerusform></translation>
    </message>
    <message numerus="yes">
        <source> and %n photo(s)</source>
        <extracomment>Bundle receipt, continued: and how many photos.</extracomment>
        <translation><numerusform>和 %n 张照片</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) are not in this bundle; they go with a later sync or bundle.</source>
        <extracomment>Bundle receipt: photos not in the bundle (records only, or too large).</extracomment>
        <translation><numerusform>%n 张照片不在此同步包中，将随以后的同步或同步包发送。</numerusform></translation>
    </message>
    <message>
        <source>Saved as %1.</source>
        <extracomment>Bundle receipt: where the file is. %1 is its path.</extracomment>
        <translation>已保存为 %1。</translation>
    </message>
    <message>
        <source>Take it to the township centre school or the bureau. Bring the reply back and apply it here; until then your changes stay on this device and also go with the next sync.</source>
        <extracomment>Bundle receipt: what to do next.</extracomment>
        <translation>请带到乡镇中心校或教育局，把回执包带回来在这里导入；在此之前您的修改一直保留在本设备上，下次联网同步时也会发送。</translation>
    </message>
    <message>
        <source>Reply applied</source>
        <extracomment>Bundle page: receipt title after applying a reply.</extracomment>
        <translation>回执包已导入</translation>
    </message>
    <message numerus="yes">
        <source>The bureau confirmed %n change(s).</source>
        <extracomment>Bundle receipt: changes the bureau confirmed.</extracomment>
        <translation><numerusform>教育局已确认 %n 项修改。</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) were refused; they are kept on Home under refused changes.</source>
        <extracomment>Bundle receipt: refused changes; they stay on the device with their values.</extracomment>
        <translation><numerusform>%n 项修改被拒绝；已保留在首页的“被拒绝的修改”中。</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Received %n record(s) from the bureau.</source>
        <extracomment>Bundle receipt: records received from the bureau.</extracomment>
        <translation><numerusform>从教育局收到 %n 条记录。</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Received %n photo(s).</source>
        <extracomment>Bundle receipt: photos received.</extracomment>
        <translation><numerusform>收到 %n 张照片。</numerusform></translation>
    </message>
    <message>
        <source>This reply is older than this device's last sync: only what was newer in it was taken.</source>
        <extracomment>Bundle receipt: the reply was older than the last sync.</extracomment>
        <translation>此回执包早于本设备最近一次同步：只导入了其中较新的内容。</translation>
    </message>
    <message>
        <source>The bureau had more for this device than the reply could hold: save another bundle to get the rest.</source>
        <extracomment>Bundle receipt: the bureau had more than fit.</extracomment>
        <translation>教育局给本设备的数据超出了回执包的容量：请再保存一个同步包以取回其余部分。</translation>
    </message>
    <message>
        <source>Bundle delivered</source>
        <extracomment>Bundle page: receipt title after delivering someone's bundle.</extracomment>
        <translation>同步包已送达</translation>
    </message>
    <message>
        <source>Sent %1, received %2.</source>
        <extracomment>Bundle receipt (delivery): bytes sent and received. %1, %2 are sizes.</extracomment>
        <translation>已发送 %1，已接收 %2。</translation>
    </message>
    <message>
        <source>The reply (%1) is saved as %2. Give it back to the person who brought the bundle.</source>
        <extracomment>Bundle receipt (delivery): where the reply is. %1 its size, %2 its path.</extracomment>
        <translation>回执包（%1）已保存为 %2。请交还给带来同步包的人。</translation>
    </message>
    <message>
        <source>This reply was made for another device. Apply it on the device that saved the bundle.</source>
        <extracomment>Bundle error: the reply belongs to another device.</extracomment>
        <translation>此回执包属于另一台设备。请在保存该同步包的设备上导入。</translation>
    </message>
    <message>
        <source>This reply was applied already; applying it again changes nothing.</source>
        <extracomment>Bundle error: the reply was applied already.</extracomment>
        <translation>此回执包已经导入过；再次导入不会有任何改变。</translation>
    </message>
    <message>
        <source>This device did not save the bundle this reply answers.</source>
        <extracomment>Bundle error: the device did not make the bundle this reply answers.</extracomment>
        <translation>此回执包所对应的同步包不是本设备保存的。</translation>
    </message>
    <message>
        <source>This file is a bundle, not a reply: deliver it to the bureau first (or with "Deliver a bundle").</source>
        <extracomment>Bundle error: a bundle was chosen where a reply was expected.</extracomment>
        <translation>此文件是同步包而不是回执包：请先送交教育局（或用“代送他人的同步包”）。</translation>
    </message>
    <message>
        <source>This file is a reply: take it back to its device and apply it there.</source>
        <extracomment>Bundle error: a reply was chosen where a bundle to deliver was expected.</extracomment>
        <translation>此文件是回执包：请带回原设备并在那里导入。</translation>
    </message>
    <message>
        <source>The file was changed after it was made, so it cannot be trusted. Ask for a new one.</source>
        <extracomment>Bundle error: the file was changed after it was made.</extracomment>
        <translation>此文件在生成后被改动过，不能信任。请重新生成一个。</translation>
    </message>
    <message>
        <source>The file is incomplete or damaged (was the stick removed too early?). Copy it again.</source>
        <extracomment>Bundle error: the file is incomplete or damaged (e.g. the stick was pulled out too early).</extracomment>
        <translation>文件不完整或已损坏（U盘是否拔得太早？）。请重新拷贝。</translation>
    </message>
    <message>
        <source>This file is not a Cunxiao bundle.</source>
        <extracomment>Bundle error: the chosen file is not a Cunxiao bundle.</extracomment>
        <translation>此文件不是村校同步包。</translation>
    </message>
    <message>
        <source>This device must be signed in and synced once while online before it can use bundles.</source>
        <extracomment>Bundle error: the device must sign in online once before it can make bundles.</extracomment>
        <translation>本设备须先登录并联网同步一次，才能使用同步包。</translation>
    </message>
    <message>
        <source>The bureau has withdrawn the access of the device that made this bundle.</source>
        <extracomment>Bundle error: the device that made the bundle was revoked by the bureau.</extracomment>
        <translation>教育局已撤销生成此同步包的设备的访问权限。</translation>
    </message>
    <message>
        <source>The file could not be written. Check that the stick or card is inserted, writable and not full.</source>
        <extracomment>Bundle error: writing the file failed.</extracomment>
        <translation>无法写入文件。请检查U盘或SD卡已插好、可写且未满。</translation>
    </message>
    <message>
        <source>The file could not be read. Check that the stick or card is inserted.</source>
        <extracomment>Bundle error: reading the file failed.</extracomment>
        <translation>无法读取文件。请检查U盘或SD卡已插好。</translation>
    </message>
    <message>
        <source>The bundle could not be handled.</source>
        <extracomment>Bundle error: a failure of another kind (the details follow).</extracomment>
        <translation>无法处理此同步包。</translation>
    </message>
</context>
<context>
    <name>cx::app::BureauFormsModel</name>
    <message>
        <source>Sign in first: the draft is kept with the account's data.</source>
        <extracomment>Forms page: importing needs the account's data to be open.</extracomment>
        <translation>请先登录：草稿保存在账号的数据中。</translation>
    </message>
    <message>
        <source>%1 is an old Excel 97-2003 (.xls) file: save it as .xlsx in Excel and import that</source>
        <extracomment>Forms page: an old Excel file was chosen. %1 the file's name.</extracomment>
        <translation>%1 是旧的 Excel 97-2003 (.xls) 文件，请在 Excel 中另存为 .xlsx 后再导入</translation>
    </message>
    <message>
        <source>%1: only a form definition (.json) or an XLSForm workbook (.xlsx) can be imported</source>
        <extracomment>Forms page: a file that is not a form. %1 the file's name.</extracomment>
        <translation>%1：只能导入表单定义 (.json) 或 XLSForm 工作簿 (.xlsx)</translation>
    </message>
    <message>
        <source>There is no draft of form %1 on this device: import one first</source>
        <extracomment>Forms page: no draft of that form on this device. %1 the form id.</extracomment>
        <translation>本设备上没有表单 %1 的草稿：请先导入</translation>
    </message>
    <message>
        <source>Version %1 of %2 is waiting to be sent: sync first</source>
        <extracomment>Forms page: a published version has not been sent yet. %1 version, %2 form id.</extracomment>
        <translation>%2 的第 %1 版正等待发送：请先同步</translation>
    </message>
    <message>
        <source>The draft of %1 is the same as the published version %2: nothing to publish</source>
        <extracomment>Forms page: the draft is the same as the published form. %1 form id, %2 version.</extracomment>
        <translation>%1 的草稿与已发布的第 %2 版相同：没有可发布的内容</translation>
    </message>
    <message>
        <source>superseded by v%1</source>
        <extracomment>Forms page: a publish that did not stand (another version is current). %1 version.</extracomment>
        <translation>已被第 %1 版取代</translation>
    </message>
    <message>
        <source>the bureau has published version %1 since; sync and publish again</source>
        <extracomment>Forms page: the server refused a publish made before syncing. %1 the version published since.</extracomment>
        <translation>教育局此后已发布第 %1 版；请同步后重新发布</translation>
    </message>
</context>
<context>
    <name>cx::app::CompletenessModel</name>
    <message>
        <source>On time</source>
        <extracomment>Completeness export: sent on or before the due date.</extracomment>
        <translation>按时</translation>
    </message>
    <message>
        <source>Late</source>
        <extracomment>Completeness export: sent after the due date.</extracomment>
        <translation>迟报</translation>
    </message>
    <message>
        <source>Missing</source>
        <extracomment>Completeness export: nothing sent and the due date has passed.</extracomment>
        <translation>未报</translation>
    </message>
    <message>
        <source>Not yet due</source>
        <extracomment>Completeness export: nothing sent yet, the due date is still ahead.</extracomment>
        <translation>未到期</translation>
    </message>
    <message>
        <source>Accepted</source>
        <extracomment>Completeness export: the bureau accepted the return.</extracomment>
        <translation>已通过</translation>
    </message>
    <message>
        <source>Returned</source>
        <extracomment>Completeness export: the bureau sent the return back for correction.</extracomment>
        <translation>已退回</translation>
    </message>
    <message>
        <source>Waiting for review</source>
        <extracomment>Completeness export: the return waits for the bureau's review.</extracomment>
        <translation>待审核</translation>
    </message>
    <message>
        <source>School code</source>
        <extracomment>Completeness export, schools sheet: column headers.</extracomment>
        <translation>学校代码</translation>
    </message>
    <message>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <source>Township</source>
        <extracomment>Completeness export, townships sheet: column headers (rates in %).</extracomment>
        <translation>乡镇</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Sent on</source>
        <translation>报送日期</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>核对</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>校长</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>应报</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Submitted %</source>
        <translation>报送率（%）</translation>
    </message>
    <message>
        <source>On time %</source>
        <translation>按时率（%）</translation>
    </message>
    <message>
        <source>County</source>
        <extracomment>Completeness export: the county's total row.</extracomment>
        <translation>全县</translation>
    </message>
    <message>
        <source>Schools %1</source>
        <extracomment>Completeness export: sheet names. %1 is the period.</extracomment>
        <translation>学校 %1</translation>
    </message>
    <message>
        <source>Townships %1</source>
        <translation>乡镇 %1</translation>
    </message>
    <message>
        <source>By period</source>
        <extracomment>Completeness export: the sheet of schools by period.</extracomment>
        <translation>各期</translation>
    </message>
</context>
<context>
    <name>cx::app::ConflictModel</name>
    <message>
        <source>(empty)</source>
        <extracomment>Conflicts page: a field that has no value.</extracomment>
        <translation>（空）</translation>
    </message>
    <message>
        <source>yes</source>
        <extracomment>Conflicts page: a yes/no value.</extracomment>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>cx::app::DevicesModel</name>
    <message>
        <source>School head</source>
        <extracomment>Devices export: the account's role.</extracomment>
        <translation>校长</translation>
    </message>
    <message>
        <source>Teacher</source>
        <extracomment>Devices export: the account's role.</extracomment>
        <translation>教师</translation>
    </message>
    <message>
        <source>Inspector</source>
        <extracomment>Devices export: the account's role.</extracomment>
        <translation>督导</translation>
    </message>
    <message>
        <source>Bureau staff</source>
        <extracomment>Devices export: the account's role.</extracomment>
        <translation>教育局工作人员</translation>
    </message>
    <message>
        <source>Silent</source>
        <extracomment>Devices export: the device has not synced for the chosen number of days.</extracomment>
        <translation>久未同步</translation>
    </message>
    <message>
        <source>Refused changes</source>
        <extracomment>Devices export: the device holds changes the server refused.</extracomment>
        <translation>有被拒绝的修改</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <extracomment>Devices export: the device has conflicts to settle.</extracomment>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Storage nearly full</source>
        <extracomment>Devices export: the device's storage is nearly full.</extracomment>
        <translation>存储空间将满</translation>
    </message>
    <message>
        <source>Account</source>
        <extracomment>Devices export: column headers.</extracomment>
        <translation>账号</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Schools</source>
        <translation>学校</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>App version</source>
        <translation>应用版本</translation>
    </message>
    <message>
        <source>Days since last sync</source>
        <translation>距上次同步天数</translation>
    </message>
    <message>
        <source>Changes not sent</source>
        <translation>未发送的修改</translation>
    </message>
    <message>
        <source>Photos not sent</source>
        <translation>未发送的照片</translation>
    </message>
    <message>
        <source>Free storage (MB)</source>
        <translation>可用存储（MB）</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>最近错误</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>需要关注</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>已吊销</translation>
    </message>
    <message>
        <source>Wi-Fi</source>
        <translation>Wi-Fi</translation>
    </message>
    <message>
        <source>mobile data</source>
        <translation>移动数据</translation>
    </message>
    <message>
        <source>Yes</source>
        <extracomment>Devices export: the account was revoked (yes); empty otherwise.</extracomment>
        <translation>是</translation>
    </message>
    <message>
        <source>Devices</source>
        <extracomment>Devices export: the sheet's name.</extracomment>
        <translation>设备</translation>
    </message>
</context>
<context>
    <name>cx::app::FormController</name>
    <message>
        <source>The bureau returned this: %1</source>
        <extracomment>Form filling: the bureau sent this submission back. %1 is the bureau's comment.</extracomment>
        <translation>教育局已退回：%1</translation>
    </message>
    <message>
        <source>The bureau refused this submission: %1</source>
        <extracomment>Form filling: the bureau's server refused this submission. %1 is its reason.</extracomment>
        <translation>教育局拒收了此次提交：%1</translation>
    </message>
    <message>
        <source>Kept from the earlier version of this form: %1 = %2</source>
        <extracomment>Form filling: an answer typed on an earlier version of the form, which this version no longer asks. %1 field, %2 answer.</extracomment>
        <translation>旧版表单中填写的答案已保留：%1 = %2</translation>
    </message>
    <message>
        <source>Correction of an earlier submission</source>
        <translation>更正之前的提交</translation>
    </message>
    <message>
        <source>Corrected after the bureau returned it: %1</source>
        <translation>按教育局退回意见更正：%1</translation>
    </message>
    <message>
        <source>Review</source>
        <extracomment>Form filling: title of the last page, where the person checks everything before submitting.</extracomment>
        <translation>核对</translation>
    </message>
    <message>
        <source>This form is not on this phone yet. Sync, then try again.</source>
        <extracomment>Form filling: the form's definition is not on this phone yet.</extracomment>
        <translation>本机还没有此表单。请同步后重试。</translation>
    </message>
    <message>
        <source>The form could not be opened: %1</source>
        <extracomment>Form filling: the form could not be read. %1 lists the problems.</extracomment>
        <translation>无法打开表单：%1</translation>
    </message>
</context>
<context>
    <name>cx::app::MediaStore</name>
    <message>
        <source>This is not a picture (%1).</source>
        <extracomment>Photo: what was handed over is neither a picture nor a file. %1 is its type (for engineers).</extracomment>
        <translation>这不是图片（%1）。</translation>
    </message>
    <message>
        <source>%1 could not be read as a picture (%2).</source>
        <extracomment>Photo field: the chosen file could not be read as a picture. %1 is the file, %2 the reason.</extracomment>
        <translation>无法将 %1 读取为图片（%2）。</translation>
    </message>
    <message>
        <source>The camera gave no picture. Please try again.</source>
        <extracomment>Photo field: the camera gave no picture.</extracomment>
        <translation>摄像头没有拍到照片，请重试。</translation>
    </message>
    <message>
        <source>The picture could not be converted to JPEG.</source>
        <extracomment>Photo field: encoding the picture failed.</extracomment>
        <translation>图片无法转换为 JPEG 格式。</translation>
    </message>
    <message>
        <source>The signature could not be saved as a picture.</source>
        <extracomment>Signature box: the drawing could not be turned into a picture.</extracomment>
        <translation>签名无法保存为图片。</translation>
    </message>
    <message>
        <source>No account is open: sign in before adding photos.</source>
        <extracomment>Photo or signature: there is no account open to keep it in.</extracomment>
        <translation>尚未登录账号：请先登录再添加照片。</translation>
    </message>
    <message>
        <source>The picture could not be saved on this phone (%1). Check that storage is not full.</source>
        <translation>图片无法保存在本机（%1）。请检查存储空间是否已满。</translation>
    </message>
    <message>
        <source>Only on this phone: save to send it</source>
        <extracomment>Photo state: a photo saved by an older version of the app, kept on this phone; saving the page sends it.</extracomment>
        <translation>仅保存在本机：保存后即发送</translation>
    </message>
    <message>
        <source>This picture is no longer on this phone</source>
        <translation>本机上已没有这张图片</translation>
    </message>
    <message>
        <source>Downloading…</source>
        <extracomment>Photo state: being downloaded from the bureau.</extracomment>
        <translation>正在下载…</translation>
    </message>
    <message>
        <source>Not on this phone yet (%1)</source>
        <extracomment>Photo state: taken on another device; %1 is its size, e.g. "350 KB".</extracomment>
        <translation>本机尚无此图片（%1）</translation>
    </message>
    <message>
        <source>Sent to the bureau</source>
        <extracomment>Photo state: the bureau has the photo.</extracomment>
        <translation>已发送到教育局</translation>
    </message>
    <message>
        <source>Refused by the bureau: %1</source>
        <extracomment>Photo state: the bureau refused the photo (e.g. too large). %1 is its reason.</extracomment>
        <translation>教育局拒收：%1</translation>
    </message>
    <message>
        <source>Held until Wi-Fi</source>
        <extracomment>Photo state: the photo waits because the person chose to send photos only over Wi-Fi and the phone is on mobile data.</extracomment>
        <translation>等待连接 Wi-Fi 后发送</translation>
    </message>
    <message>
        <source>Sending: %1 of %2</source>
        <extracomment>Photo state: partly sent; %1 and %2 are sizes such as "120 KB" of "350 KB".</extracomment>
        <translation>正在发送：%1 / %2</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <extracomment>Photo state: kept on the phone, will be sent with the next sync.</extracomment>
        <translation>等待发送</translation>
    </message>
    <message>
        <source>The bureau does not have this photo yet: the phone that took it has not sent it.</source>
        <translation>教育局还没有这张照片：拍照的手机尚未发送。</translation>
    </message>
    <message>
        <source>Sent once the page is saved</source>
        <extracomment>Photo state: on this phone; no saved page uses it yet, so it is not sent (no data is spent on it).</extracomment>
        <translation>保存后才会发送</translation>
    </message>
</context>
<context>
    <name>cx::app::PhotoCapture</name>
    <message>
        <source>The camera is not ready. Please try again.</source>
        <extracomment>Camera page: the camera cannot take a picture now.</extracomment>
        <translation>相机尚未就绪，请重试。</translation>
    </message>
</context>
<context>
    <name>cx::app::QrReader</name>
    <message>
        <source>This is not the bureau's enrolment code (%1).</source>
        <translation>这不是教育局的登记码（%1）。</translation>
    </message>
    <message>
        <source>The photo could not be opened.</source>
        <translation>无法打开照片。</translation>
    </message>
    <message>
        <source>No QR code was found in the photo. Hold the phone steady, fill the frame with the code and try again, or type the code.</source>
        <extracomment>No QR code was found in the camera's photo.</extracomment>
        <translation>照片中没有找到二维码。请拿稳手机，让二维码充满画面后重试，或手动输入登记码。</translation>
    </message>
</context>
<context>
    <name>cx::app::RecordHistoryModel</name>
    <message>
        <source>A record's history is kept on the bureau's server, which cannot be reached now (%1). Try again when the connection is back.</source>
        <extracomment>Record history is kept on the bureau's server. %1: what went wrong, in plain words.</extracomment>
        <translation>记录的修改历史保存在教育局服务器上，现在连不上服务器（%1）。网络恢复后再试。</translation>
    </message>
    <message>
        <source>Only a bureau administrator can read a record's history.</source>
        <extracomment>Record history refused: this account is not a bureau administrator.</extracomment>
        <translation>只有教育局管理员可以查看记录的修改历史。</translation>
    </message>
</context>
<context>
    <name>cx::app::ReviewQueueModel</name>
    <message>
        <source>Waiting for review</source>
        <extracomment>Review export: the return waits for review.</extracomment>
        <translation>待审核</translation>
    </message>
    <message>
        <source>Accepted</source>
        <extracomment>Review export: accepted.</extracomment>
        <translation>已通过</translation>
    </message>
    <message>
        <source>Returned</source>
        <extracomment>Review export: sent back to the school.</extracomment>
        <translation>已退回</translation>
    </message>
    <message>
        <source>School code</source>
        <extracomment>Review export: column headers.</extracomment>
        <translation>学校代码</translation>
    </message>
    <message>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>表单</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Sent on</source>
        <translation>报送日期</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>审核提示</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>意见</translation>
    </message>
    <message>
        <source>Returns</source>
        <extracomment>Review export: the sheet's name.</extracomment>
        <translation>报表</translation>
    </message>
</context>
<context>
    <name>cx::app::Session</name>
    <message>
        <source>School head</source>
        <extracomment>Role of the signed-in person.</extracomment>
        <translation>校长</translation>
    </message>
    <message>
        <source>Teacher</source>
        <extracomment>Role of the signed-in person.</extracomment>
        <translation>教师</translation>
    </message>
    <message>
        <source>Inspector</source>
        <extracomment>Role of the signed-in person.</extracomment>
        <translation>督导</translation>
    </message>
    <message>
        <source>Bureau staff</source>
        <extracomment>Role of the signed-in person.</extracomment>
        <translation>教育局工作人员</translation>
    </message>
    <message>
        <source>Please fill in the server address, user name and password.</source>
        <extracomment>Sign-in error when a box is empty.</extracomment>
        <translation>请填写服务器地址、用户名和密码。</translation>
    </message>
    <message>
        <source>The user name or password is wrong.</source>
        <extracomment>Sign-in error: wrong user name or password.</extracomment>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>Check the server address (%1).</source>
        <extracomment>Sign-in error: the server address is not acceptable. %1 is the technical reason.</extracomment>
        <translation>请检查服务器地址（%1）。</translation>
    </message>
    <message>
        <source>This password does not open the data kept on this device for %1. Use the password this device last signed in with.</source>
        <translation>此密码无法打开本机为 %1 保存的数据。请使用本机上次登录时的密码。</translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. %n attempt(s) left; after that only the account password opens the app.</source>
        <translation><numerusform>PIN 码错误。还可尝试 %n 次；之后只能用账号密码打开应用。</numerusform></translation>
    </message>
    <message>
        <source>Too many wrong PINs: the PIN no longer opens the app. Type the account password, then choose a new PIN.</source>
        <extracomment>PIN page: too many wrong PINs; the password is needed now.</extracomment>
        <translation>PIN 码错误次数过多，PIN 码已不能打开应用。请输入账号密码，然后设置新的 PIN 码。</translation>
    </message>
    <message>
        <source>This password does not open the data on this device.</source>
        <extracomment>PIN page: the password typed does not open the data.</extracomment>
        <translation>此密码无法打开本机上的数据。</translation>
    </message>
    <message>
        <source>An enrolment code has 16 letters and digits, like K7Q2-MP9X-3ZTD-8HWA. Check what you typed.</source>
        <extracomment>Sign-in error: the typed enrolment code is not 16 letters and digits.</extracomment>
        <translation>登记码由 16 个字母和数字组成，例如 K7Q2-MP9X-3ZTD-8HWA。请检查输入。</translation>
    </message>
    <message>
        <source>This enrolment code was used already (each code enrols one phone). Ask the bureau for a new one.</source>
        <translation>该登记码已被使用（每个登记码只能登记一部手机）。请向教育局索取新的登记码。</translation>
    </message>
    <message>
        <source>This enrolment code has expired. Ask the bureau for a new one.</source>
        <translation>该登记码已过期。请向教育局索取新的登记码。</translation>
    </message>
    <message>
        <source>The bureau withdrew this enrolment code or the account. Ask the bureau.</source>
        <translation>教育局已撤回该登记码或吊销了账号。请联系教育局。</translation>
    </message>
    <message>
        <source>The user name or enrolment code is wrong.</source>
        <extracomment>Sign-in error: wrong user name or enrolment code.</extracomment>
        <translation>用户名或登记码错误。</translation>
    </message>
    <message>
        <source>The system keyring that protects the PIN cannot be reached. Unlock the keyring and try again, or use the account password.</source>
        <translation>无法连接保护 PIN 的系统密钥环。请解锁密钥环后重试，或使用账号密码。</translation>
    </message>
    <message>
        <source>The PIN no longer opens the app on this computer: the system keyring no longer holds its secret (a new system, or data copied from elsewhere). Type the account password, then choose a new PIN.</source>
        <translation>PIN 在这台电脑上已不能打开应用：系统密钥环中已没有它的密钥（系统已重装，或数据是从别处复制来的）。请输入账号密码，然后设置新的 PIN。</translation>
    </message>
</context>
<context>
    <name>cx::app::StatisticsModel</name>
    <message>
        <source>%1 %2</source>
        <extracomment>Statistics export: the sheet's name. %1 is the form's title, %2 the period.</extracomment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Township</source>
        <extracomment>Dropout export, townships sheet: column headers.
----------
Done vs planned export, townships sheet: column headers.</extracomment>
        <translation>乡镇</translation>
    </message>
    <message>
        <source>Not back at school</source>
        <translation>未返校</translation>
    </message>
    <message>
        <source>Back at school</source>
        <translation>已返校</translation>
    </message>
    <message>
        <source>Not visited for 30 days</source>
        <translation>超过30天未家访</translation>
    </message>
    <message>
        <source>County</source>
        <extracomment>Dropout export: the county's total row.
----------
Done vs planned export: the county's total row.</extracomment>
        <translation>全县</translation>
    </message>
    <message>
        <source>Pupil</source>
        <extracomment>Dropout export, cases sheet: column headers.</extracomment>
        <translation>学生</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>年级</translation>
    </message>
    <message>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <source>School phone</source>
        <translation>学校电话</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>最近家访</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>家访次数</translation>
    </message>
    <message>
        <source>Dropouts by township</source>
        <extracomment>Dropout export: sheet names.</extracomment>
        <translation>各乡镇控辍</translation>
    </message>
    <message>
        <source>Pupils not back</source>
        <translation>未返校学生</translation>
    </message>
    <message>
        <source>Inspections planned</source>
        <translation>计划督导数</translation>
    </message>
    <message>
        <source>Inspections done</source>
        <translation>已完成督导数</translation>
    </message>
    <message>
        <source>Inspections overdue</source>
        <translation>逾期督导数</translation>
    </message>
    <message>
        <source>Home visits planned</source>
        <translation>计划家访数</translation>
    </message>
    <message>
        <source>Home visits done</source>
        <translation>已完成家访数</translation>
    </message>
    <message>
        <source>Visit targets met</source>
        <translation>达成的家访目标</translation>
    </message>
    <message>
        <source>Visit targets</source>
        <translation>家访目标数</translation>
    </message>
    <message>
        <source>Kind</source>
        <extracomment>Done vs planned export, people sheet: column headers.</extracomment>
        <translation>类别</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Number planned</source>
        <translation>计划数</translation>
    </message>
    <message>
        <source>Number done</source>
        <translation>完成数</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Targets met</source>
        <translation>达成目标</translation>
    </message>
    <message>
        <source>Inspections</source>
        <extracomment>Done vs planned export: a row of an inspector's inspections.</extracomment>
        <translation>督导检查</translation>
    </message>
    <message>
        <source>Home visits</source>
        <extracomment>Done vs planned export: a row of a teacher's home visits.</extracomment>
        <translation>家访</translation>
    </message>
    <message>
        <source>Done vs planned %1</source>
        <extracomment>Done vs planned export: sheet names. %1 is the period.</extracomment>
        <translation>完成与计划 %1</translation>
    </message>
    <message>
        <source>Done vs planned by person</source>
        <extracomment>Done vs planned export: sheet name of the inspectors' and teachers' rows.</extracomment>
        <translation>完成与计划（按人员）</translation>
    </message>
</context>
<context>
    <name>cx::app::SyncController</name>
    <message>
        <source>No connection to the bureau's server. Your changes are kept on this phone and will be sent later.</source>
        <extracomment>Sync error shown on Home. The phone has no connection to the bureau's server.</extracomment>
        <translation>无法连接教育局服务器。您的修改已保存在本机，稍后会自动发送。</translation>
    </message>
    <message>
        <source>The server's security certificate could not be trusted. Ask the bureau to check the server address.</source>
        <extracomment>Sync error: the server's security certificate was refused.</extracomment>
        <translation>服务器的安全证书不可信。请联系教育局核对服务器地址。</translation>
    </message>
    <message>
        <source>The server no longer accepts this account on this phone. Please sign in again.</source>
        <extracomment>Sync error: the account or device is no longer accepted.</extracomment>
        <translation>服务器不再接受本机上的此账号。请重新登录。</translation>
    </message>
    <message>
        <source>This app version does not match the server. Please update the app.</source>
        <extracomment>Sync error: the app is too old or too new for the server.</extracomment>
        <translation>应用版本与服务器不匹配。请更新应用。</translation>
    </message>
    <message>
        <source>The server's reply could not be understood. Try again later.</source>
        <extracomment>Sync error: the server's reply could not be understood.</extracomment>
        <translation>无法识别服务器的回复。请稍后重试。</translation>
    </message>
    <message>
        <source>The bureau's server has a problem. Try again later.</source>
        <extracomment>Sync error: the server had a problem.</extracomment>
        <translation>教育局服务器出现故障。请稍后重试。</translation>
    </message>
    <message>
        <source>This phone could not save the data. Check that storage is not full.</source>
        <extracomment>Sync error: the local database (storage) failed, e.g. the phone is full.</extracomment>
        <translation>本机无法保存数据。请检查存储空间是否已满。</translation>
    </message>
    <message>
        <source>Some changes are outside what this account may change.</source>
        <extracomment>Sync error: the account may not change some data.</extracomment>
        <translation>部分修改超出了此账号的权限。</translation>
    </message>
    <message>
        <source>Sync failed. Try again later.</source>
        <extracomment>Sync error of an unexpected kind.</extracomment>
        <translation>同步失败。请稍后重试。</translation>
    </message>
    <message>
        <source>The bureau has withdrawn this phone's access and its data has been erased from it. Ask the bureau if you need to sign in again.</source>
        <extracomment>The bureau revoked this phone; its data has been erased.</extracomment>
        <translation>教育局已撤销本机的使用权限，本机上的数据已被清除。如需重新登录，请联系教育局。</translation>
    </message>
    <message>
        <source>The bureau's server is busy for a moment. Your changes are kept and will be sent soon.</source>
        <extracomment>Sync error: the server is busy or restarting for a moment.</extracomment>
        <translation>教育局服务器暂时繁忙。您的修改已保留，稍后会发送。</translation>
    </message>
</context>
<context>
    <name>cx::app::SyncStatus</name>
    <message>
        <source>Not yet confirmed by the bureau</source>
        <extracomment>Home, sync card: the bureau has never confirmed anything from this phone.</extracomment>
        <translation>尚未得到教育局确认</translation>
    </message>
    <message>
        <source>just now</source>
        <extracomment>Time of the last confirmation: less than a minute ago.</extracomment>
        <translation>刚刚</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <extracomment>Time of the last confirmation, in minutes.</extracomment>
        <translation><numerusform>%n 分钟前</numerusform></translation>
    </message>
    <message>
        <source>today at %1</source>
        <extracomment>Time of the last confirmation: today at HH:mm.</extracomment>
        <translation>今天 %1</translation>
    </message>
    <message>
        <source>Confirmed by the bureau %1</source>
        <extracomment>Home, sync card. %1 is a time such as "5 minutes ago".</extracomment>
        <translation>教育局已于%1确认</translation>
    </message>
    <message>
        <source>Sending and receiving…</source>
        <extracomment>Sync status bar while a sync runs.</extracomment>
        <translation>正在发送和接收…</translation>
    </message>
    <message numerus="yes">
        <source>Offline · %n change(s) waiting</source>
        <extracomment>Sync status bar: offline; %n changes wait on the phone.</extracomment>
        <translation><numerusform>离线 · %n 项修改等待发送</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent</source>
        <extracomment>Sync status bar: %n changes not yet sent to the bureau.</extracomment>
        <translation><numerusform>%n 项修改等待发送</numerusform></translation>
    </message>
    <message>
        <source>Everything sent</source>
        <extracomment>Sync status bar: nothing waits to be sent.</extracomment>
        <translation>全部已发送</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) held until Wi-Fi</source>
        <extracomment>Sync status: %n photos or signatures wait because photos go only over Wi-Fi and the phone is on mobile data.</extracomment>
        <translation><numerusform>%n 张照片等待连接 Wi-Fi 后发送</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) waiting to be sent</source>
        <extracomment>Sync status: %n photos or signatures not yet sent to the bureau.</extracomment>
        <translation><numerusform>%n 张照片等待发送</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) refused by the bureau</source>
        <extracomment>Sync status: %n photos the bureau refused (the reason shows on the photo).</extracomment>
        <translation><numerusform>%n 张照片被教育局拒收</numerusform></translation>
    </message>
</context>
</TS>
