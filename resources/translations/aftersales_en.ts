<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>关于 消杀药品售后服务台</source>
            <translation>About Aftersales Desk</translation>
        </message>
        <message>
            <source>&lt;b&gt;消杀药品售后服务台&lt;/b&gt; Aftersales Desk {version}</source>
            <translation>&lt;b&gt;Aftersales Desk&lt;/b&gt; {version}</translation>
        </message>
        <message>
            <source>随程序提供的字体及其许可：</source>
            <translation>Fonts shipped with the program, and their licences:</translation>
        </message>
        <message>
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>复制以上信息</source>
            <translation>Copy these details</translation>
        </message>
        <message>
            <source>打开数据文件夹</source>
            <translation>Open the data folder</translation>
        </message>
        <message>
            <source>（许可文件 {name} 缺失）</source>
            <translation>(licence file {name} is missing)</translation>
        </message>
    </context>
    <context>
        <name>BackupDialog</name>
        <message>
            <source>备份与恢复</source>
            <translation>Backup and restore</translation>
        </message>
        <message>
            <source>备份包括数据库、照片和本机签名密钥，每次都经过校验。程序每天第一次打开时自动备份，保留最近 7 天、4 周和 12 个月各一份；手动备份不会被自动删除。</source>
            <translation>A backup holds the database, the photos and this laptop's signing key, and is verified every time. The program backs up automatically at its first start each day and keeps one for each of the last 7 days, 4 weeks and 12 months; manual backups are never removed automatically.</translation>
        </message>
        <message>
            <source>备份文件夹</source>
            <translation>Backup folder</translation>
        </message>
        <message>
            <source>选择…</source>
            <translation>Choose…</translation>
        </message>
        <message>
            <source>设为备份文件夹</source>
            <translation>Use as backup folder</translation>
        </message>
        <message>
            <source>备份文件夹（可选 U 盘或网络文件夹）：</source>
            <translation>Backup folder (a USB stick or network folder is fine):</translation>
        </message>
        <message>
            <source>已有的备份</source>
            <translation>Existing backups</translation>
        </message>
        <message>
            <source>立即备份</source>
            <translation>Back up now</translation>
        </message>
        <message>
            <source>从所选备份恢复…</source>
            <translation>Restore from the selected backup…</translation>
        </message>
        <message>
            <source>从其他文件夹恢复…</source>
            <translation>Restore from another folder…</translation>
        </message>
        <message>
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>已有的备份（最新的在上）：</source>
            <translation>Existing backups (newest first):</translation>
        </message>
        <message>
            <source>选择备份文件夹</source>
            <translation>Choose the backup folder</translation>
        </message>
        <message>
            <source>未保存</source>
            <translation>Not saved</translation>
        </message>
        <message>
            <source>备份文件夹已设为 {path}</source>
            <translation>Backup folder set to {path}</translation>
        </message>
        <message>
            <source>备份未完成</source>
            <translation>Backup not completed</translation>
        </message>
        <message>
            <source>已备份并校验：{path}（{files} 个文件，{size} MB）</source>
            <translation>Backed up and verified: {path} ({files} files, {size} MB)</translation>
        </message>
        <message>
            <source>选择要恢复的备份文件夹</source>
            <translation>Choose the backup folder to restore</translation>
        </message>
        <message>
            <source>不能用这个备份恢复</source>
            <translation>This backup cannot be restored</translation>
        </message>
        <message>
            <source>从备份恢复</source>
            <translation>Restore from backup</translation>
        </message>
        <message>
            <source>用 {time} 的备份替换现有数据？</source>
            <translation>Replace the current data with the backup of {time}?</translation>
        </message>
        <message>
            <source>恢复</source>
            <translation>Restore</translation>
        </message>
        <message>
            <source>现有的数据库、照片和密钥会移到数据文件夹中的 restore-aside-… 文件夹，不会删除。恢复后程序需要重新打开。</source>
            <translation>The current database, photos and keys are moved to a restore-aside-… folder in the data folder, not deleted. The program must be opened again after the restore.</translation>
        </message>
        <message>
            <source>未恢复</source>
            <translation>Not restored</translation>
        </message>
        <message>
            <source>已恢复</source>
            <translation>Restored</translation>
        </message>
        <message>
            <source>已从备份恢复。程序将关闭，请重新打开。</source>
            <translation>Restored from the backup. The program will close; please open it again.</translation>
        </message>
        <message>
            <source>原有数据已移到 {path}</source>
            <translation>The previous data was moved to {path}</translation>
        </message>
    </context>
    <context>
        <name>BlankSurveyDialog</name>
        <message>
            <source>打印空白调查表</source>
            <translation>Print a blank survey</translation>
        </message>
        <message>
            <source>为客户登记一份满意度调查表并导出空白 PDF 打印。客户填好交回后，在登记簿中打开该调查表录入勾选的分数，再点“登记回收的调查表”。</source>
            <translation>Registers a satisfaction survey for a customer and exports a blank PDF to print. When the customer returns it, open the survey in the register, enter the ticked scores and click "Register returned survey".</translation>
        </message>
        <message>
            <source>输入或选择客户单位</source>
            <translation>Type or pick a customer</translation>
        </message>
        <message>
            <source>可不填，由客户填写</source>
            <translation>Optional: the customer may fill it in</translation>
        </message>
        <message>
            <source>登记并导出 PDF…</source>
            <translation>Register and export PDF...</translation>
        </message>
        <message>
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>未登记</source>
            <translation>Not registered</translation>
        </message>
        <message>
            <source>PDF 文件 (*.pdf)</source>
            <translation>PDF files (*.pdf)</translation>
        </message>
        <message>
            <source>导出空白调查表</source>
            <translation>Export blank survey</translation>
        </message>
        <message>
            <source>导出失败</source>
            <translation>Export failed</translation>
        </message>
        <message>
            <source>已登记 {number}，但没有生成 PDF。</source>
            <translation>{number} was registered, but no PDF was created.</translation>
        </message>
    </context>
    <context>
        <name>CommitmentPage</name>
        <message>
            <source>配送时间（下单后）</source>
            <translation>Delivery (after the order)</translation>
        </message>
        <message>
            <source>产品验收数量不足</source>
            <translation>Short quantity on receipt</translation>
        </message>
        <message>
            <source>产品验收不合格</source>
            <translation>Failed incoming inspection</translation>
        </message>
        <message>
            <source>产品在使用过程中出现质量问题</source>
            <translation>Quality problem during use</translation>
        </message>
        <message>
            <source>质量异议作出处理意见</source>
            <translation>Handling opinion on a quality objection</translation>
        </message>
        <message>
            <source>售后服务承诺书</source>
            <translation>After-sales Service Commitment Letter</translation>
        </message>
        <message>
            <source>打印给客户的承诺书：公司名称、响应时限和保质期取自设置；收件单位可不填。</source>
            <translation>The commitment letter printed for customers: the company name, response times and shelf life come from the settings; the recipient is optional.</translation>
        </message>
        <message>
            <source>收件单位</source>
            <translation>Recipient</translation>
        </message>
        <message>
            <source>可不填；输入或选择客户单位</source>
            <translation>Optional: type or pick a customer</translation>
        </message>
        <message>
            <source>售后服务响应时间</source>
            <translation>After-sales response times</translation>
        </message>
        <message>
            <source>服务内容</source>
            <translation>Service</translation>
        </message>
        <message>
            <source>电话响应</source>
            <translation>Phone response</translation>
        </message>
        <message>
            <source>处理时限</source>
            <translation>Handled within</translation>
        </message>
        <message>
            <source>修改公司信息和响应时限…</source>
            <translation>Change company details and response times...</translation>
        </message>
        <message>
            <source>导出 PDF…</source>
            <translation>Export PDF...</translation>
        </message>
        <message>
            <source>打印…</source>
            <translation>Print…</translation>
        </message>
        <message>
            <source>公司</source>
            <translation>Company</translation>
        </message>
        <message>
            <source>响应时限</source>
            <translation>Response times</translation>
        </message>
        <message>
            <source>保质期</source>
            <translation>Shelf life</translation>
        </message>
        <message>
            <source>{n} 小时内</source>
            <translation>within {n} h</translation>
        </message>
        <message>
            <source>自发货之日起 {n} 个月</source>
            <translation>{n} months from the shipping date</translation>
        </message>
        <message>
            <source>导出承诺书</source>
            <translation>Export commitment letter</translation>
        </message>
        <message>
            <source>导出失败</source>
            <translation>Export failed</translation>
        </message>
        <message>
            <source>没有生成 PDF。</source>
            <translation>No PDF was created.</translation>
        </message>
        <message>
            <source>已导出：{path}</source>
            <translation>Exported: {path}</translation>
        </message>
    </context>
    <context>
        <name>ComplaintDefaults</name>
        <message>
            <source>、</source>
            <translation>, </translation>
        </message>
        <message>
            <source>（{value}）</source>
            <translation> ({value})</translation>
        </message>
        <message>
            <source>属于质量问题：已按承诺填入{fields}，可修改。</source>
            <translation>A quality problem: filled in as the commitment requires: {fields}. You may change them.</translation>
        </message>
    </context>
    <context>
        <name>ConflictsDialog</name>
        <message>
            <source>冲突记录</source>
            <translation>Conflicting records</translation>
        </message>
        <message>
            <source>这些记录在本机和导入的文件中各自修改过。导入时本机记录没有改动，另一份单独保留。请逐条对照，保留其中一份；保留后生成新的版本。</source>
            <translation>These records were changed both on this laptop and in an imported file. The import left this laptop's records unchanged and kept the other copy aside. Compare them one by one and keep one copy; keeping it makes a new version.</translation>
        </message>
        <message>
            <source>编号</source>
            <translation>Number</translation>
        </message>
        <message>
            <source>表单</source>
            <translation>Form</translation>
        </message>
        <message>
            <source>原因</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>导入时间</source>
            <translation>Imported at</translation>
        </message>
        <message>
            <source>来源</source>
            <translation>Source</translation>
        </message>
        <message>
            <source>项目</source>
            <translation>Item</translation>
        </message>
        <message>
            <source>本机</source>
            <translation>This laptop</translation>
        </message>
        <message>
            <source>导入的</source>
            <translation>Imported</translation>
        </message>
        <message>
            <source>保留本机的版本</source>
            <translation>Keep this laptop's version</translation>
        </message>
        <message>
            <source>采用导入的版本</source>
            <translation>Take the imported version</translation>
        </message>
        <message>
            <source>关闭窗口</source>
            <translation>Close window</translation>
        </message>
        <message>
            <source>没有待处理的冲突。</source>
            <translation>No conflicts to resolve.</translation>
        </message>
        <message>
            <source>记录 {number} 已不在本机。</source>
            <translation>Record {number} is no longer on this laptop.</translation>
        </message>
        <message>
            <source>{number}：本机第 {local} 版（{local_by}）↔ 导入的第 {other} 版（{other_by}）</source>
            <translation>{number}: this laptop's version {local} ({local_by}) ↔ imported version {other} ({other_by})</translation>
        </message>
        <message>
            <source>（空）</source>
            <translation>(empty)</translation>
        </message>
        <message>
            <source>本机的版本</source>
            <translation>this laptop's version</translation>
        </message>
        <message>
            <source>导入的版本</source>
            <translation>the imported version</translation>
        </message>
        <message>
            <source>处理冲突</source>
            <translation>Resolve conflict</translation>
        </message>
        <message>
            <source>保留{which}作为 {number} 的新版本？另一份不再使用（仍记在版本历史中）。</source>
            <translation>Keep {which} as the new version of {number}? The other copy is no longer used (it stays in the version history).</translation>
        </message>
        <message>
            <source>保留</source>
            <translation>Keep</translation>
        </message>
    </context>
    <context>
        <name>DateEditor</name>
        <message>
            <source>年-月-日，如 2026-03-15</source>
            <translation>YYYY-MM-DD, e.g. 2026-03-15</translation>
        </message>
        <message>
            <source>从日历中选择</source>
            <translation>Pick from calendar</translation>
        </message>
    </context>
    <context>
        <name>DecisionsPanel</name>
        <message>
            <source>质量界定</source>
            <translation>Quality determination</translation>
        </message>
        <message>
            <source>管理者代表审批</source>
            <translation>Management representative's approval</translation>
        </message>
        <message>
            <source>总经理审批</source>
            <translation>General manager's approval</translation>
        </message>
        <message>
            <source>退换货审批</source>
            <translation>Return request approval</translation>
        </message>
        <message>
            <source>总部审批与界定</source>
            <translation>Head-office approvals and determination</translation>
        </message>
        <message>
            <source>由来源规定的角色在总部填写，记录填写人和时间，笔记本下次同步时收到。您是 {user}（{role}）。</source>
            <translation>Filled at head office by the role the service plan names, recorded with who and when; the laptop receives it at its next sync. You are {user} ({role}).</translation>
        </message>
        <message>
            <source>{step}（{roles}）</source>
            <translation>{step} ({roles})</translation>
        </message>
        <message>
            <source>、</source>
            <translation>, </translation>
        </message>
        <message>
            <source>（请选择）</source>
            <translation>(choose)</translation>
        </message>
        <message>
            <source>记录{step}</source>
            <translation>Record {step}</translation>
        </message>
        <message>
            <source>需要{roles}；您是{role}，不能填写这一步。</source>
            <translation>Needs {roles}; you are {role} and may not take this step.</translation>
        </message>
        <message>
            <source>现为：{value}</source>
            <translation>Now: {value}</translation>
        </message>
        <message>
            <source>（{who}，{when}）</source>
            <translation> ({who}, {when})</translation>
        </message>
        <message>
            <source>；</source>
            <translation>; </translation>
        </message>
        <message>
            <source>请先保存或放弃表单中的修改，再填写{step}。</source>
            <translation>Save or discard the changes in the form first, then fill in the {step}.</translation>
        </message>
        <message>
            <source>请先选择{field}。</source>
            <translation>Choose the {field} first.</translation>
        </message>
        <message>
            <source>未记录：记录中还有需要修改之处。</source>
            <translation>Not recorded: something in the record needs correcting first.</translation>
        </message>
        <message>
            <source>这条记录刚被修改过（可能是笔记本同步），已显示最新的内容；请核对后再填写。</source>
            <translation>This record was just changed (perhaps by a laptop's sync); the latest version is shown now: check it, then fill this in.</translation>
        </message>
        <message>
            <source>已记录{step}：{value}（{user}），笔记本下次同步时收到。</source>
            <translation>{step} recorded: {value} ({user}); the laptop receives it at its next sync.</translation>
        </message>
    </context>
    <context>
        <name>DeletionsDialog</name>
        <message>
            <source>笔记本删除的草稿</source>
            <translation>Drafts deleted on laptops</translation>
        </message>
        <message>
            <source>笔记本可以删除自己同步过的草稿；总部随后也删除它，除非它在总部已有进展（审批、界定、冲突或更新的版本）：那样总部保留它，写明原因，并在下次同步时把它送回该笔记本。</source>
            <translation>A laptop may delete a draft of its own after it was synced; head office then deletes it too, unless it moved on here (an approval, a determination, a conflict or a later version): then head office keeps it, says why, and sends it back to that laptop at its next sync.</translation>
        </message>
        <message>
            <source>按笔记本筛选</source>
            <translation>Filter by laptop</translation>
        </message>
        <message>
            <source>全部笔记本</source>
            <translation>All laptops</translation>
        </message>
        <message>
            <source>笔记本：</source>
            <translation>Laptop:</translation>
        </message>
        <message>
            <source>删除时间</source>
            <translation>Deleted at</translation>
        </message>
        <message>
            <source>笔记本</source>
            <translation>Laptop</translation>
        </message>
        <message>
            <source>类型</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>编号</source>
            <translation>No.</translation>
        </message>
        <message>
            <source>总部的处理</source>
            <translation>What head office did</translation>
        </message>
        <message>
            <source>总部已删除</source>
            <translation>Deleted at head office too</translation>
        </message>
        <message>
            <source>总部保留：{reason}</source>
            <translation>Kept at head office: {reason}</translation>
        </message>
        <message>
            <source>总部保留了这条记录：按 Enter 或双击打开</source>
            <translation>Head office kept this record: press Enter or double-click to open it</translation>
        </message>
        <message>
            <source>没有笔记本删除过已同步的草稿</source>
            <translation>No laptop has deleted a synced draft</translation>
        </message>
    </context>
    <context>
        <name>DraftKeeper</name>
        <message>
            <source>新记录</source>
            <translation>new record</translation>
        </message>
        <message>
            <source>恢复未保存的内容</source>
            <translation>Recover unsaved work</translation>
        </message>
        <message>
            <source>上次退出时有 {n} 份填写中、尚未保存的表单：{names}。要恢复它们吗？</source>
            <translation>When the program last ended, {n} form(s) were being filled in and not saved: {names}. Recover them?</translation>
        </message>
        <message>
            <source>恢复</source>
            <translation>Recover</translation>
        </message>
        <message>
            <source>恢复后请检查并保存；选“取消”则丢弃这些内容。</source>
            <translation>Check and save them after recovering; Cancel discards them.</translation>
        </message>
    </context>
    <context>
        <name>ExpiryPanel</name>
        <message>
            <source>批次有效期</source>
            <translation>Batch expiry</translation>
        </message>
        <message>
            <source>填写产品的生产批号后，这里显示该批次是否在有效期内（按使用日期判断，未填使用日期按投诉登记日期）</source>
            <translation>Once a product's batch number is entered, this shows whether the batch was within its expiry date (judged by the date of use, or by the complaint registration date if no date of use is given)</translation>
        </message>
        <message>
            <source>填写产品的生产批号后，这里显示该批次是否在有效期内</source>
            <translation>Once a product's batch number is entered, this shows whether the batch is within its expiry date</translation>
        </message>
        <message>
            <source>发货单 {number}，发货日期 {date}</source>
            <translation>Delivery {number}, shipped {date}</translation>
        </message>
    </context>
    <context>
        <name>FollowupExtras</name>
        <message>
            <source>逾期 {n} 天</source>
            <translation>{n} day(s) overdue</translation>
        </message>
        <message>
            <source>今天应回访</source>
            <translation>Due today</translation>
        </message>
        <message>
            <source>还有 {n} 天</source>
            <translation>Due in {n} day(s)</translation>
        </message>
    </context>
    <context>
        <name>FormCompletion</name>
        <message>
            <source>{batch}　{product}　发货 {delivered}　有效期至 {expiry}</source>
            <translation>{batch}  {product}  shipped {delivered}  expires {expiry}</translation>
        </message>
    </context>
    <context>
        <name>FormView</name>
        <message>
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>保存（Ctrl+S）</source>
            <translation>Save (Ctrl+S)</translation>
        </message>
        <message>
            <source>导出 PDF…</source>
            <translation>Export PDF...</translation>
        </message>
        <message>
            <source>打印…</source>
            <translation>Print…</translation>
        </message>
        <message>
            <source>预览并打印已签名的 PDF</source>
            <translation>Preview and print the signed PDF</translation>
        </message>
        <message>
            <source>状态记录</source>
            <translation>Status history</translation>
        </message>
        <message>
            <source>修订记录</source>
            <translation>Revisions</translation>
        </message>
        <message>
            <source>由此新建</source>
            <translation>New follow-up</translation>
        </message>
        <message>
            <source>新建一份后续记录，客户、联系人、产品和批号从本记录带入</source>
            <translation>Create a follow-up record with the customer, contact, products and batches of this one</translation>
        </message>
        <message>
            <source>保存后自动生成</source>
            <translation>Assigned when saved</translation>
        </message>
        <message>
            <source>新建，未保存</source>
            <translation>New, not saved</translation>
        </message>
        <message>
            <source>{number} 第 {n} 版</source>
            <translation>{number} rev. {n}</translation>
        </message>
        <message>
            <source>新{title}</source>
            <translation>New {title}</translation>
        </message>
        <message>
            <source>未保存：有 {n} 处需要修改，已在字段旁用红字标出。</source>
            <translation>Not saved: {n} problem(s) to correct, marked in red beside the fields.</translation>
        </message>
        <message>
            <source>；</source>
            <translation>; </translation>
        </message>
        <message>
            <source>（未保存）</source>
            <translation>(not saved)</translation>
        </message>
        <message>
            <source>新建</source>
            <translation>New</translation>
        </message>
        <message>
            <source>第 {n} 版</source>
            <translation>Rev. {n}</translation>
        </message>
        <message>
            <source>本版已签字</source>
            <translation>This revision is signed</translation>
        </message>
        <message>
            <source>{title} 第 {n} 版（已签字，只读）</source>
            <translation>{title}, revision {n} (signed, read-only)</translation>
        </message>
        <message>
            <source>{title} 第 {n} 版（存档，只读）</source>
            <translation>{title}, revision {n} (archived, read-only)</translation>
        </message>
        <message>
            <source>这是第 {n} 版的存档：签字后内容已冻结，只能查看和导出 PDF。</source>
            <translation>This is the archived revision {n}: its content was frozen when it was signed. It can only be viewed and exported as PDF.</translation>
        </message>
        <message>
            <source>这是第 {n} 版的存档，只能查看和导出 PDF。</source>
            <translation>This is the archive of revision {n}: it can be viewed and exported as PDF only.</translation>
        </message>
        <message>
            <source>此记录状态为“{status}”（{reason}），只能查看和导出 PDF。</source>
            <translation>This record is "{status}" ({reason}): it can be viewed and exported as PDF only.</translation>
        </message>
        <message>
            <source>此记录状态为“{status}”，只能查看和导出 PDF；需要继续处理时点“{action}”。</source>
            <translation>This record is "{status}": it can only be viewed and exported as PDF; to work on it again, click "{action}".</translation>
        </message>
        <message>
            <source>此记录状态为“{status}”，只能查看和导出 PDF。</source>
            <translation>This record is "{status}": it can only be viewed and exported as PDF.</translation>
        </message>
        <message>
            <source>转为“{status}”</source>
            <translation>Move to "{status}"</translation>
        </message>
        <message>
            <source>{label}已签字：{name}。</source>
            <translation>{label} signed: {name}.</translation>
        </message>
        <message>
            <source>第 {row} 行 {label}：{message}</source>
            <translation>Line {row}, {label}: {message}</translation>
        </message>
        <message>
            <source>未保存</source>
            <translation>Not saved</translation>
        </message>
        <message>
            <source>已保存为 {number}。</source>
            <translation>Saved as {number}.</translation>
        </message>
        <message>
            <source>已保存为第 {n} 版；已签字的第 {old} 版保留不变，可在“修订记录”中查看。</source>
            <translation>Saved as revision {n}; the signed revision {old} is kept unchanged (see "Revisions").</translation>
        </message>
        <message>
            <source>已保存。</source>
            <translation>Saved.</translation>
        </message>
        <message>
            <source>表单中的修改会一并保存。</source>
            <translation>Your changes to the form will be saved as well.</translation>
        </message>
        <message>
            <source>第 {n} 版已有签字：{who}；转换后生成第 {new} 版，第 {n} 版连同签字原样保留，新版本上还没有这些签字。</source>
            <translation>Version {n} is signed by: {who}. This step makes version {new}; version {n} is kept as it is with its signatures, and the new version does not carry them yet.</translation>
        </message>
        <message>
            <source>将 {number} 从“{a}”转为“{b}”？</source>
            <translation>Move {number} from "{a}" to "{b}"?</translation>
        </message>
        <message>
            <source>无法转换状态</source>
            <translation>Cannot change the status</translation>
        </message>
        <message>
            <source>已转为“{status}”，现为第 {n} 版；第 {old} 版原样保留，可在“修订记录”中查看。</source>
            <translation>Moved to "{status}"; this is now revision {n}. Revision {old} is kept unchanged under "Revisions".</translation>
        </message>
        <message>
            <source>已转为“{status}”。</source>
            <translation>Moved to "{status}".</translation>
        </message>
        <message>
            <source>请填写：{labels}</source>
            <translation>fill in: {labels}</translation>
        </message>
        <message>
            <source>、</source>
            <translation>, </translation>
        </message>
        <message>
            <source>请修改：{items}</source>
            <translation>correct: {items}</translation>
        </message>
        <message>
            <source>{label}（{message}）</source>
            <translation>{label} ({message})</translation>
        </message>
        <message>
            <source>进入“{status}”前，</source>
            <translation>Before moving to "{status}", </translation>
        </message>
        <message>
            <source>导出 PDF</source>
            <translation>Export PDF</translation>
        </message>
        <message>
            <source>PDF 文件 (*.pdf)</source>
            <translation>PDF files (*.pdf)</translation>
        </message>
        <message>
            <source>导出失败</source>
            <translation>Export failed</translation>
        </message>
        <message>
            <source>没有生成 PDF。</source>
            <translation>No PDF was created.</translation>
        </message>
        <message>
            <source>已导出：{path}</source>
            <translation>Exported: {path}</translation>
        </message>
        <message>
            <source>管理者代表审批日期</source>
            <translation>Management rep.'s approval date</translation>
        </message>
        <message>
            <source>各项平均</source>
            <translation>Average of items</translation>
        </message>
        <message>
            <source>先完成，再签字</source>
            <translation>Complete first, then sign</translation>
        </message>
        <message>
            <source>此表尚未{action}。现在签字，之后{action}时会生成新版本，{label}的签字只留在旧版本上。</source>
            <translation>This form is not yet at "{action}". If you sign now, "{action}" will later make a new version and the signature of {label} will stay on the old version only.</translation>
        </message>
        <message>
            <source>先完成再签字</source>
            <translation>Complete, then sign</translation>
        </message>
        <message>
            <source>仍然现在签字</source>
            <translation>Sign now anyway</translation>
        </message>
        <message>
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>还需填写：{labels}。填好后点“{action}”，随后即可签字。</source>
            <translation>Still to fill in: {labels}. Then click "{action}" and sign.</translation>
        </message>
        <message>
            <source>点“{action}”后即可签字。</source>
            <translation>Click "{action}", then sign.</translation>
        </message>
        <message>
            <source>请填写：{labels}，然后点“{action}”；完成后将请{label}签字。</source>
            <translation>Fill in: {labels}, then click "{action}"; {label} will then be asked to sign.</translation>
        </message>
        <message>
            <source>{role}（{name}）</source>
            <translation>{role} ({name})</translation>
        </message>
        <message>
            <source>生成新版本</source>
            <translation>Make a new version</translation>
        </message>
        <message>
            <source>第 {n} 版已有签字：{who}。</source>
            <translation>Version {n} is signed by: {who}.</translation>
        </message>
        <message>
            <source>保存为第 {n} 版</source>
            <translation>Save as version {n}</translation>
        </message>
        <message>
            <source>保存后内容改变，将生成第 {new} 版；第 {n} 版连同签字原样保留，可随时查看和打印。新的第 {new} 版上还没有这些签字，需要时请重新签字。</source>
            <translation>Saving changes the content and makes version {new}; version {n} is kept as it is with its signatures and can be viewed and printed at any time. The new version {new} does not carry these signatures yet: sign again where needed.</translation>
        </message>
        <message>
            <source>导入文件</source>
            <translation>an imported file</translation>
        </message>
        <message>
            <source>Excel 导入</source>
            <translation>Excel import</translation>
        </message>
        <message>
            <source>热线服务台</source>
            <translation>the hotline desk</translation>
        </message>
        <message>
            <source>与总部同步</source>
            <translation>sync with head office</translation>
        </message>
        <message>
            <source>由其他记录自动更新</source>
            <translation>updated automatically from another record</translation>
        </message>
        <message>
            <source>另一个窗口</source>
            <translation>another window</translation>
        </message>
        <message>
            <source>（空）</source>
            <translation>(empty)</translation>
        </message>
        <message>
            <source>{label}：{old} → {new}</source>
            <translation>{label}: {old} → {new}</translation>
        </message>
        <message>
            <source>记录已在别处修改</source>
            <translation>Record changed elsewhere</translation>
        </message>
        <message>
            <source>{number} 在打开后已被修改（{who}，{via}，{when}），现为第 {n} 版。你的修改没有保存。</source>
            <translation>{number} was changed after you opened it ({who}, {via}, {when}) and is now version {n}. Your changes were not saved.</translation>
        </message>
        <message>
            <source>未署名</source>
            <translation>unnamed</translation>
        </message>
        <message>
            <source>重新载入（放弃我的修改）</source>
            <translation>Reload (discard my changes)</translation>
        </message>
        <message>
            <source>保留我的修改在表单中</source>
            <translation>Keep my changes in the form</translation>
        </message>
        <message>
            <source>别处改动了：{items}</source>
            <translation>Changed elsewhere: {items}</translation>
        </message>
        <message>
            <source>已重新载入第 {n} 版。</source>
            <translation>Version {n} reloaded.</translation>
        </message>
        <message>
            <source>未保存：{number} 已在别处修改。请重新载入后再改（或把你的修改记下来）。</source>
            <translation>Not saved: {number} was changed elsewhere. Reload it and make your changes again (or note them down first).</translation>
        </message>
    </context>
    <context>
        <name>HandoutsDialog</name>
        <message>
            <source>培训讲义</source>
            <translation>Training handouts</translation>
        </message>
        <message>
            <source>{title}：选择要导出或打印的章节</source>
            <translation>{title}: choose the chapters to export or print</translation>
        </message>
        <message>
            <source>附录：在售产品登记信息（{n} 种产品）</source>
            <translation>Appendix: registration details of products on sale ({n} products)</translation>
        </message>
        <message>
            <source>每种在售产品的登记证号、使用浓度/稀释倍数和安全注意事项，取自产品档案</source>
            <translation>The registration number, concentration/dilution and safety notes of each product on sale, taken from the product register</translation>
        </message>
        <message>
            <source>产品档案中还没有在售产品</source>
            <translation>There are no products on sale in the product register yet</translation>
        </message>
        <message>
            <source>导出 PDF…</source>
            <translation>Export PDF...</translation>
        </message>
        <message>
            <source>打印…</source>
            <translation>Print…</translation>
        </message>
        <message>
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>请至少选择一章。</source>
            <translation>Choose at least one chapter.</translation>
        </message>
        <message>
            <source>导出培训讲义</source>
            <translation>Export training handouts</translation>
        </message>
        <message>
            <source>PDF 文件 (*.pdf)</source>
            <translation>PDF files (*.pdf)</translation>
        </message>
        <message>
            <source>导出失败</source>
            <translation>Export failed</translation>
        </message>
        <message>
            <source>没有生成 PDF。</source>
            <translation>No PDF was created.</translation>
        </message>
        <message>
            <source>已导出：{path}</source>
            <translation>Exported: {path}</translation>
        </message>
    </context>
    <context>
        <name>HeadOffice</name>
        <message>
            <source>售后服务人员</source>
            <translation>After-sales staff</translation>
        </message>
        <message>
            <source>售后部经理</source>
            <translation>After-sales manager</translation>
        </message>
        <message>
            <source>品质部</source>
            <translation>Quality department</translation>
        </message>
        <message>
            <source>管理者代表</source>
            <translation>Management representative</translation>
        </message>
        <message>
            <source>总经理</source>
            <translation>General manager</translation>
        </message>
        <message>
            <source>系统管理员</source>
            <translation>Administrator</translation>
        </message>
        <message>
            <source>、</source>
            <translation>, </translation>
        </message>
    </context>
    <context>
        <name>HeadOfficeWindow</name>
        <message>
            <source>消杀药品售后服务台 · 总部 — {user}（{role}）</source>
            <translation>Aftersales Desk · Head office — {user} ({role})</translation>
        </message>
        <message>
            <source>总部数据库：{url}</source>
            <translation>Head-office database: {url}</translation>
        </message>
        <message>
            <source>总部数据库</source>
            <translation>Head-office database</translation>
        </message>
        <message>
            <source>笔记本</source>
            <translation>Laptop</translation>
        </message>
        <message>
            <source>登记人 → 最后修改人</source>
            <translation>Made → changed by</translation>
        </message>
        <message>
            <source>笔记本提议的客户和产品…</source>
            <translation>Customers and products proposed by laptops…</translation>
        </message>
        <message>
            <source>笔记本删除的草稿…</source>
            <translation>Drafts deleted on laptops…</translation>
        </message>
        <message>
            <source>已登录：{user}（{role}）</source>
            <translation>Logged in: {user} ({role})</translation>
        </message>
        <message>
            <source>总部(&amp;H)</source>
            <translation>&amp;Head office</translation>
        </message>
        <message>
            <source>这条记录由笔记本 {code} 建立，属于该笔记本：在总部只能查看；审批和质量界定在“总部审批与界定”中填写。</source>
            <translation>This record was made on laptop {code} and belongs to it: at head office it is view-only; approvals and the quality determination go in "Head-office approvals and determination".</translation>
        </message>
        <message>
            <source>这条记录由笔记本 {code} 建立，属于该笔记本：在总部只能查看和导出 PDF。</source>
            <translation>This record was made on laptop {code} and belongs to it: at head office it can only be viewed and exported as PDF.</translation>
        </message>
    </context>
    <context>
        <name>HomePage</name>
        <message>
            <source>今日概览</source>
            <translation>Today at a glance</translation>
        </message>
        <message>
            <source>刷新</source>
            <translation>Refresh</translation>
        </message>
        <message>
            <source>重新读取今天的回访、保障单、投诉和批次（F5）</source>
            <translation>Reload today's follow-ups, tickets, complaints and batches (F5)</translation>
        </message>
        <message>
            <source>今日待回访</source>
            <translation>Follow-ups due today</translation>
        </message>
        <message>
            <source>逾期未回访</source>
            <translation>Follow-ups overdue</translation>
        </message>
        <message>
            <source>保障单已超时</source>
            <translation>Tickets overdue</translation>
        </message>
        <message>
            <source>保障单即将到时</source>
            <translation>Tickets due soon</translation>
        </message>
        <message>
            <source>未结投诉</source>
            <translation>Open complaints</translation>
        </message>
        <message>
            <source>批次即将到期</source>
            <translation>Batches expiring soon</translation>
        </message>
        <message>
            <source>批次已过期</source>
            <translation>Batches expired</translation>
        </message>
        <message>
            <source>回访计划 ›</source>
            <translation>Follow-up plan ›</translation>
        </message>
        <message>
            <source>期限</source>
            <translation>Due</translation>
        </message>
        <message>
            <source>客户单位</source>
            <translation>Customer</translation>
        </message>
        <message>
            <source>回访类型</source>
            <translation>Follow-up type</translation>
        </message>
        <message>
            <source>产品 · 批号 · 人员</source>
            <translation>Product · Batch · Staff</translation>
        </message>
        <message>
            <source>热线保障单 ›</source>
            <translation>Hotline tickets ›</translation>
        </message>
        <message>
            <source>时限</source>
            <translation>Deadline</translation>
        </message>
        <message>
            <source>问题类型</source>
            <translation>Problem type</translation>
        </message>
        <message>
            <source>派工 · 来电人</source>
            <translation>Assigned · Caller</translation>
        </message>
        <message>
            <source>未结投诉 ›</source>
            <translation>Open complaints ›</translation>
        </message>
        <message>
            <source>批次有效期 ›</source>
            <translation>Batch expiry ›</translation>
        </message>
        <message>
            <source>有效期</source>
            <translation>Expiry</translation>
        </message>
        <message>
            <source>产品</source>
            <translation>Product</translation>
        </message>
        <message>
            <source>批号 · 数量</source>
            <translation>Batch · Quantity</translation>
        </message>
        <message>
            <source>读取失败：{error}</source>
            <translation>Could not read the data: {error}</translation>
        </message>
        <message>
            <source>星期一</source>
            <translation>Monday</translation>
        </message>
        <message>
            <source>星期二</source>
            <translation>Tuesday</translation>
        </message>
        <message>
            <source>星期三</source>
            <translation>Wednesday</translation>
        </message>
        <message>
            <source>星期四</source>
            <translation>Thursday</translation>
        </message>
        <message>
            <source>星期五</source>
            <translation>Friday</translation>
        </message>
        <message>
            <source>星期六</source>
            <translation>Saturday</translation>
        </message>
        <message>
            <source>星期日</source>
            <translation>Sunday</translation>
        </message>
        <message>
            <source>{date} {weekday}</source>
            <translation>{date} {weekday}</translation>
        </message>
        <message>
            <source>更新于 {time}</source>
            <translation>Updated {time}</translation>
        </message>
        <message>
            <source>{h} 小时内</source>
            <translation>within {h} h</translation>
        </message>
        <message>
            <source>{n} 天内</source>
            <translation>within {n} days</translation>
        </message>
        <message>
            <source>近 {n} 天</source>
            <translation>last {n} days</translation>
        </message>
        <message>
            <source>今天应回访</source>
            <translation>Due today</translation>
        </message>
        <message>
            <source>已逾期，最早的在前</source>
            <translation>Overdue, oldest first</translation>
        </message>
        <message>
            <source>今天 {a} · 逾期 {b}</source>
            <translation>Today: {a} · Overdue: {b}</translation>
        </message>
        <message>
            <source>今天没有要回访的客户，也没有逾期的回访。</source>
            <translation>No follow-ups are due today and none are overdue.</translation>
        </message>
        <message>
            <source>已超过电话响应或处理时限</source>
            <translation>Past the phone-response or handling deadline</translation>
        </message>
        <message>
            <source>{h} 小时内到时</source>
            <translation>Due within {h} h</translation>
        </message>
        <message>
            <source>超时 {a} · {h} 小时内到时 {b}</source>
            <translation>Overdue: {a} · Due within {h} h: {b}</translation>
        </message>
        <message>
            <source>没有超时或即将到时的保障单。</source>
            <translation>No tickets are overdue or due soon.</translation>
        </message>
        <message>
            <source>{n} 天内到期</source>
            <translation>Expiring within {n} days</translation>
        </message>
        <message>
            <source>近 {n} 天已过期，最近的在前</source>
            <translation>Expired in the last {n} days, most recent first</translation>
        </message>
        <message>
            <source>{n} 天内到期 {a} · 近 {m} 天已过期 {b}</source>
            <translation>Expiring within {n} days: {a} · Expired in the last {m} days: {b}</translation>
        </message>
        <message>
            <source>近期没有到期或过期的批次。</source>
            <translation>No batches are expiring soon or have recently expired.</translation>
        </message>
        <message>
            <source>共 {n} 件未结</source>
            <translation>{n} open</translation>
        </message>
        <message>
            <source>没有未结的投诉。</source>
            <translation>No open complaints.</translation>
        </message>
        <message>
            <source>{title}（{n}）</source>
            <translation>{title} ({n})</translation>
        </message>
        <message>
            <source>另有 {n} 条未列出，点击标题查看全部</source>
            <translation>{n} more not listed; click the heading to see them all</translation>
        </message>
        <message>
            <source>超时 {d} 天</source>
            <translation>{d} day(s) overdue</translation>
        </message>
        <message>
            <source>超时 {h} 小时</source>
            <translation>{h} h overdue</translation>
        </message>
        <message>
            <source>超时 {m} 分钟</source>
            <translation>{m} min overdue</translation>
        </message>
        <message>
            <source>剩 {h} 小时</source>
            <translation>{h} h left</translation>
        </message>
        <message>
            <source>剩 {h} 小时 {m} 分</source>
            <translation>{h} h {m} min left</translation>
        </message>
        <message>
            <source>此刻到时</source>
            <translation>Due now</translation>
        </message>
        <message>
            <source>剩 {m} 分钟</source>
            <translation>{m} min left</translation>
        </message>
        <message>
            <source>今天</source>
            <translation>Today</translation>
        </message>
        <message>
            <source>逾期 {n} 天</source>
            <translation>{n} day(s) overdue</translation>
        </message>
        <message>
            <source>今天到期</source>
            <translation>Expires today</translation>
        </message>
        <message>
            <source>还剩 {n} 天</source>
            <translation>{n} day(s) left</translation>
        </message>
        <message>
            <source>已过期 {n} 天</source>
            <translation>Expired {n} day(s) ago</translation>
        </message>
        <message>
            <source>{number}（{status}）· {when}
双击或按回车打开</source>
            <translation>{number} ({status}) · {when}
Double-click or press Enter to open</translation>
        </message>
    </context>
    <context>
        <name>ImportErrorsDialog</name>
        <message>
            <source>从 Excel 导入</source>
            <translation>Import from Excel</translation>
        </message>
        <message>
            <source>“{file}”有 {n} 处错误，没有导入任何记录。</source>
            <translation>"{file}" has {n} error(s); no records were imported.</translation>
        </message>
        <message>
            <source>请在 Excel 中改正以下各处（工作表、行号和列），保存后重新导入。</source>
            <translation>Correct each of the following in Excel (sheet, row and column), save the file and import it again.</translation>
        </message>
        <message>
            <source>错误列表</source>
            <translation>Error list</translation>
        </message>
        <message>
            <source>复制错误列表</source>
            <translation>Copy error list</translation>
        </message>
        <message>
            <source>关闭</source>
            <translation>Close</translation>
        </message>
    </context>
    <context>
        <name>ItemTableEditor</name>
        <message>
            <source>必填</source>
            <translation>Required</translation>
        </message>
        <message>
            <source>添加一行</source>
            <translation>Add line</translation>
        </message>
        <message>
            <source>删除所选行</source>
            <translation>Delete selected lines</translation>
        </message>
        <message>
            <source>保存时自动计算</source>
            <translation>Calculated when saved</translation>
        </message>
    </context>
    <context>
        <name>LineEditor</name>
        <message>
            <source>手机 13812345678 或座机 010-12345678</source>
            <translation>e.g. 13812345678 or 010-12345678</translation>
        </message>
        <message>
            <source>数字</source>
            <translation>Number</translation>
        </message>
        <message>
            <source>整数</source>
            <translation>Whole number</translation>
        </message>
    </context>
    <context>
        <name>LinksLine</name>
        <message>
            <source>来源：{record}</source>
            <translation>Source: {record}</translation>
        </message>
        <message>
            <source>、</source>
            <translation>, </translation>
        </message>
        <message>
            <source>后续：{records}</source>
            <translation>Follow-ups: {records}</translation>
        </message>
    </context>
    <context>
        <name>LinksPanel</name>
        <message>
            <source>关联记录</source>
            <translation>Linked records</translation>
        </message>
        <message>
            <source>关系</source>
            <translation>Relation</translation>
        </message>
        <message>
            <source>表单</source>
            <translation>Form</translation>
        </message>
        <message>
            <source>编号</source>
            <translation>Number</translation>
        </message>
        <message>
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>日期</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>双击或按 Enter 打开</source>
            <translation>Double-click or press Enter to open</translation>
        </message>
        <message>
            <source>暂无关联记录。</source>
            <translation>No linked records.</translation>
        </message>
        <message>
            <source>由此新建：</source>
            <translation>Create from this record:</translation>
        </message>
        <message>
            <source>新建一份{title}，客户、联系人、产品和批号从本记录带入</source>
            <translation>Create a {title} with the customer, contact, products and batches of this record</translation>
        </message>
        <message>
            <source>来源</source>
            <translation>Source</translation>
        </message>
        <message>
            <source>后续</source>
            <translation>Follow-up</translation>
        </message>
    </context>
    <context>
        <name>LoginDialog</name>
        <message>
            <source>总部登录</source>
            <translation>Head-office login</translation>
        </message>
        <message>
            <source>总部窗口显示各笔记本的全部记录。请用总部发给您的用户名和密码登录。</source>
            <translation>The head-office window shows every laptop's records. Log in with the user name and password head office gave you.</translation>
        </message>
        <message>
            <source>数据库：{url}</source>
            <translation>Database: {url}</translation>
        </message>
        <message>
            <source>用户名</source>
            <translation>User name</translation>
        </message>
        <message>
            <source>密码</source>
            <translation>Password</translation>
        </message>
        <message>
            <source>登录</source>
            <translation>Log in</translation>
        </message>
        <message>
            <source>退出</source>
            <translation>Quit</translation>
        </message>
        <message>
            <source>请填写用户名和密码。</source>
            <translation>Type your user name and password.</translation>
        </message>
        <message>
            <source>无法核对用户：{reason}</source>
            <translation>Cannot check the user: {reason}</translation>
        </message>
        <message>
            <source>用户名或密码不正确，已连续 {n} 次，程序将退出。</source>
            <translation>Wrong user name or password {n} times in a row; the program will close.</translation>
        </message>
        <message>
            <source>用户名或密码不正确（还可以再试 {n} 次）。</source>
            <translation>Wrong user name or password ({n} tries left).</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>培训讲义…</source>
            <translation>Training Handouts…</translation>
        </message>
        <message>
            <source>选择章节，导出或打印消杀药品使用知识培训讲义</source>
            <translation>Choose chapters and export or print the training handouts on using disinfection and pest-control products</translation>
        </message>
        <message>
            <source>帮助(&amp;H)</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <source>关于…</source>
            <translation>About…</translation>
        </message>
        <message>
            <source>消杀药品售后服务台</source>
            <translation>Aftersales Desk</translation>
        </message>
        <message>
            <source>首页</source>
            <translation>Home</translation>
        </message>
        <message>
            <source>报表</source>
            <translation>Reports</translation>
        </message>
        <message>
            <source>承诺书</source>
            <translation>Commitment letter</translation>
        </message>
        <message>
            <source>数据文件夹：{path}</source>
            <translation>Data folder: {path}</translation>
        </message>
        <message>
            <source>正在打开数据…</source>
            <translation>Opening data...</translation>
        </message>
        <message>
            <source>{action}（{shortcut}）</source>
            <translation>{action} ({shortcut})</translation>
        </message>
        <message>
            <source>新建</source>
            <translation>New</translation>
        </message>
        <message>
            <source>接听热线</source>
            <translation>Hotline Call</translation>
        </message>
        <message>
            <source>打开</source>
            <translation>Open</translation>
        </message>
        <message>
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>导出 PDF…</source>
            <translation>Export PDF...</translation>
        </message>
        <message>
            <source>打印空白调查表…</source>
            <translation>Print blank survey...</translation>
        </message>
        <message>
            <source>关闭当前页</source>
            <translation>Close tab</translation>
        </message>
        <message>
            <source>设置…</source>
            <translation>Settings...</translation>
        </message>
        <message>
            <source>退出</source>
            <translation>Exit</translation>
        </message>
        <message>
            <source>导入扫描件文件夹…</source>
            <translation>Import Folder of Scans…</translation>
        </message>
        <message>
            <source>校验 PDF…</source>
            <translation>Verify PDF…</translation>
        </message>
        <message>
            <source>备份与恢复…</source>
            <translation>Backup and restore…</translation>
        </message>
        <message>
            <source>冲突记录…</source>
            <translation>Conflicting records…</translation>
        </message>
        <message>
            <source>与总部同步…</source>
            <translation>Sync with head office…</translation>
        </message>
        <message>
            <source>导出台账（Excel）…</source>
            <translation>Export Registers (Excel)…</translation>
        </message>
        <message>
            <source>从 Excel 导入…</source>
            <translation>Import from Excel…</translation>
        </message>
        <message>
            <source>生成 Excel 导入模板…</source>
            <translation>Create Excel Import Template…</translation>
        </message>
        <message>
            <source>在登记簿中查找</source>
            <translation>Find in register</translation>
        </message>
        <message>
            <source>文件(&amp;F)</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <source>新建(&amp;N)</source>
            <translation>&amp;New</translation>
        </message>
        <message>
            <source>查看(&amp;V)</source>
            <translation>&amp;View</translation>
        </message>
        <message>
            <source>工具(&amp;T)</source>
            <translation>&amp;Tools</translation>
        </message>
        <message>
            <source>工具栏</source>
            <translation>Toolbar</translation>
        </message>
        <message>
            <source>为客户登记一份调查表（已发放）并导出空白 PDF 打印</source>
            <translation>Register a survey for a customer (issued) and export a blank PDF to print</translation>
        </message>
        <message>
            <source>无法新建</source>
            <translation>Cannot create the record</translation>
        </message>
        <message>
            <source>无法打开</source>
            <translation>Cannot open</translation>
        </message>
        <message>
            <source>这条记录已不存在。</source>
            <translation>This record no longer exists.</translation>
        </message>
        <message>
            <source>请先在登记簿中选择一条记录。</source>
            <translation>Select a record in the register first.</translation>
        </message>
        <message>
            <source>接听热线：查找单位、核对来电人、记录问题、承诺回电并派工（F2）</source>
            <translation>Take a hotline call: find the customer, check the caller, record the problem, promise a call-back and assign staff (F2)</translation>
        </message>
        <message>
            <source>新建{title}</source>
            <translation>New {title}</translation>
        </message>
        <message>
            <source>已登记 {number}（已发放），空白调查表已导出：{path}</source>
            <translation>Registered {number} (issued); blank survey exported: {path}</translation>
        </message>
        <message>
            <source>已登记 {number}（已发放），未导出 PDF。</source>
            <translation>Registered {number} (issued); no PDF exported.</translation>
        </message>
        <message>
            <source>{register}：显示“{figure}”中的前 {shown} 条（共 {n} 条，搜索或筛选以找到其余的）</source>
            <translation>{register}: the first {shown} of "{figure}" ({n} in all; search or filter to find the rest)</translation>
        </message>
        <message>
            <source>{register}：显示最新的 {shown} 条（共 {n} 条，搜索或筛选以找到其余的）</source>
            <translation>{register}: the newest {shown} shown (of {n}; search or filter to find the others)</translation>
        </message>
        <message>
            <source>{register}：共 {n} 条</source>
            <translation>{register}: {n} records</translation>
        </message>
        <message>
            <source>{register}：显示 {shown} 条，共 {n} 条</source>
            <translation>{register}: {shown} of {n} shown</translation>
        </message>
        <message>
            <source>首次使用：请在“工具 → 设置…”中填写公司名称、本机代码和本机使用人。</source>
            <translation>First use: enter the company name, computer code and computer user under "Tools → Settings...".</translation>
        </message>
        <message>
            <source>{file} → {title} {number} 第 {revision} 版</source>
            <translation>{file} → {title} {number}, revision {revision}</translation>
        </message>
        <message>
            <source>（注意：页面的校验码与这一版的内容不符）</source>
            <translation> (note: the page's check code does not match this revision's content)</translation>
        </message>
        <message>
            <source>{file}：没有找到本机记录的二维码</source>
            <translation>{file}: no QR code of a record on this laptop found</translation>
        </message>
        <message>
            <source>{file}：无法读取（{reason}）</source>
            <translation>{file}: cannot be read ({reason})</translation>
        </message>
        <message>
            <source>已附加 {n} 份纸质签字件。</source>
            <translation>Attached {n} signed paper scan(s).</translation>
        </message>
        <message>
            <source>另有 {n} 个文件未能匹配。</source>
            <translation> {n} other file(s) could not be matched.</translation>
        </message>
        <message>
            <source>导入扫描件</source>
            <translation>Import Scans</translation>
        </message>
        <message>
            <source>没有找到可以匹配的记录：图片上须能看清表单页脚的二维码。</source>
            <translation>No matching record found: the QR code in the form's footer must be clearly visible in the picture.</translation>
        </message>
        <message>
            <source>文件夹中没有图片：{folder}</source>
            <translation>There are no pictures in the folder: {folder}</translation>
        </message>
        <message>
            <source>导入扫描件文件夹</source>
            <translation>Import Folder of Scans</translation>
        </message>
        <message>
            <source>校验 PDF</source>
            <translation>Verify PDF</translation>
        </message>
        <message>
            <source>PDF 文件 (*.pdf);;所有文件 (*)</source>
            <translation>PDF files (*.pdf);;All files (*)</translation>
        </message>
        <message>
            <source>设置已保存。</source>
            <translation>Settings saved.</translation>
        </message>
    </context>
    <context>
        <name>OpenRecordsButton</name>
        <message>
            <source>打开的记录：切换到其中一个，或全部关闭</source>
            <translation>Open records: switch to one, or close them all</translation>
        </message>
        <message>
            <source>关闭全部记录</source>
            <translation>Close all records</translation>
        </message>
        <message>
            <source>已打开 {n}</source>
            <translation>Open: {n}</translation>
        </message>
    </context>
    <context>
        <name>PagesButton</name>
        <message>
            <source>页面</source>
            <translation>Pages</translation>
        </message>
        <message>
            <source>首页、各登记簿、报表和承诺书</source>
            <translation>Home, every register, the reports and the commitment letter</translation>
        </message>
    </context>
    <context>
        <name>PhotoListEditor</name>
        <message>
            <source>尚无照片</source>
            <translation>No photos yet</translation>
        </message>
        <message>
            <source>添加照片…</source>
            <translation>Add photos...</translation>
        </message>
        <message>
            <source>移除</source>
            <translation>Remove</translation>
        </message>
        <message>
            <source>双击照片可放大查看</source>
            <translation>Double-click a photo to enlarge it</translation>
        </message>
        <message>
            <source>添加照片</source>
            <translation>Add photos</translation>
        </message>
        <message>
            <source>图片 (*.jpg *.jpeg *.png *.bmp *.gif *.tif *.tiff *.webp);;所有文件 (*)</source>
            <translation>Images (*.jpg *.jpeg *.png *.bmp *.gif *.tif *.tiff *.webp);;All files (*)</translation>
        </message>
        <message>
            <source>无法添加照片</source>
            <translation>Cannot add photos</translation>
        </message>
    </context>
    <context>
        <name>PhotoViewer</name>
        <message>
            <source>无法显示这张图片</source>
            <translation>Cannot display this image</translation>
        </message>
    </context>
    <context>
        <name>PrintPreviewDialog</name>
        <message>
            <source>打印预览 — {title}</source>
            <translation>Print Preview — {title}</translation>
        </message>
        <message>
            <source>共 {n} 页</source>
            <translation>of {n}</translation>
        </message>
        <message>
            <source>上一页</source>
            <translation>Previous</translation>
        </message>
        <message>
            <source>下一页</source>
            <translation>Next</translation>
        </message>
        <message>
            <source>适合宽度</source>
            <translation>Fit width</translation>
        </message>
        <message>
            <source>整页</source>
            <translation>Whole page</translation>
        </message>
        <message>
            <source>打印…</source>
            <translation>Print…</translation>
        </message>
        <message>
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>第</source>
            <translation>Page</translation>
        </message>
        <message>
            <source>缩放</source>
            <translation>Zoom</translation>
        </message>
        <message>
            <source>打印</source>
            <translation>Print</translation>
        </message>
        <message>
            <source>无法打印</source>
            <translation>Cannot Print</translation>
        </message>
        <message>
            <source>没有生成 PDF。</source>
            <translation>No PDF was made.</translation>
        </message>
    </context>
    <context>
        <name>ProposalsDialog</name>
        <message>
            <source>待处理</source>
            <translation>Pending</translation>
        </message>
        <message>
            <source>已接受</source>
            <translation>Accepted</translation>
        </message>
        <message>
            <source>已合并</source>
            <translation>Merged</translation>
        </message>
        <message>
            <source>已拒绝</source>
            <translation>Rejected</translation>
        </message>
        <message>
            <source>笔记本提议的客户和产品</source>
            <translation>Customers and products proposed by laptops</translation>
        </message>
        <message>
            <source>客户和产品档案由总部维护。笔记本新建或修改的客户、产品先作为提议送到这里：接受后进入档案并发给各笔记本；与档案中已有的同一单位或产品合并；或者拒绝。</source>
            <translation>Head office keeps the customer and product registers. Customers and products a laptop adds or changes arrive here as proposals: accept one into the register (it then goes to every laptop), merge it with the same unit or product already there, or reject it.</translation>
        </message>
        <message>
            <source>只能查看：处理提议需要{roles}；您是{role}。</source>
            <translation>View only: deciding on proposals needs {roles}; you are {role}.</translation>
        </message>
        <message>
            <source>、</source>
            <translation>, </translation>
        </message>
        <message>
            <source>待处理的提议</source>
            <translation>Pending proposals</translation>
        </message>
        <message>
            <source>全部提议</source>
            <translation>All proposals</translation>
        </message>
        <message>
            <source>笔记本</source>
            <translation>Laptop</translation>
        </message>
        <message>
            <source>类别</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>编号</source>
            <translation>No.</translation>
        </message>
        <message>
            <source>名称</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>处理人</source>
            <translation>Decided by</translation>
        </message>
        <message>
            <source>收到时间</source>
            <translation>Received</translation>
        </message>
        <message>
            <source>项目</source>
            <translation>Item</translation>
        </message>
        <message>
            <source>笔记本提交的内容</source>
            <translation>As the laptop sent it</translation>
        </message>
        <message>
            <source>在档案中查找要并入的单位或产品（名称、电话、拼音首字母）</source>
            <translation>Find the unit or product to merge into (name, phone, pinyin initials)</translation>
        </message>
        <message>
            <source>合并到档案中已有的：</source>
            <translation>Merge into an entry already in the register:</translation>
        </message>
        <message>
            <source>接受（加入档案）</source>
            <translation>Accept (add to the register)</translation>
        </message>
        <message>
            <source>合并到所选条目</source>
            <translation>Merge into the selected entry</translation>
        </message>
        <message>
            <source>拒绝</source>
            <translation>Reject</translation>
        </message>
        <message>
            <source>关闭窗口</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>档案中没有“{text}”，下面列出全部条目。</source>
            <translation>No "{text}" in the register; every entry is listed below.</translation>
        </message>
        <message>
            <source>档案中还没有这一类条目：只能接受或拒绝。</source>
            <translation>The register has no entries of this kind yet: accept or reject.</translation>
        </message>
        <message>
            <source>所选条目已不在档案中。</source>
            <translation>The selected entry is no longer in the register.</translation>
        </message>
        <message>
            <source>未接受：提议的内容不完整或无效。</source>
            <translation>Not accepted: the proposal is incomplete or invalid.</translation>
        </message>
        <message>
            <source>接受提议</source>
            <translation>Accept proposal</translation>
        </message>
        <message>
            <source>合并提议</source>
            <translation>Merge proposal</translation>
        </message>
        <message>
            <source>把 {laptop} 提议的“{name}”并入档案中的 {target}？档案不增加新条目。</source>
            <translation>Merge "{name}" proposed by {laptop} into {target} in the register? No new entry is added.</translation>
        </message>
        <message>
            <source>合并</source>
            <translation>Merge</translation>
        </message>
        <message>
            <source>拒绝提议</source>
            <translation>Reject proposal</translation>
        </message>
        <message>
            <source>拒绝 {laptop} 提议的“{name}”？档案不变。</source>
            <translation>Reject "{name}" proposed by {laptop}? The register stays as it is.</translation>
        </message>
    </context>
    <context>
        <name>ReasonDialog</name>
        <message>
            <source>将 {number} 从“{a}”转为“{b}”。</source>
            <translation>Move {number} from "{a}" to "{b}".</translation>
        </message>
        <message>
            <source>{field}（必填，记入状态记录，并记下操作人和时间）：</source>
            <translation>{field} (required; kept in the status history with who and when):</translation>
        </message>
        <message>
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>例如：与 TS-2026-T1-0012 重复登记</source>
            <translation>e.g. registered twice, see TS-2026-T1-0012</translation>
        </message>
        <message>
            <source>例如：客户再次来电，更换后的产品仍有同样问题</source>
            <translation>e.g. the customer called again: the replacement has the same problem</translation>
        </message>
        <message>
            <source>重新打开后生成新版本，结案时的版本原样保留在“修订记录”中；结案日期清空，再次结案时重新填写。</source>
            <translation>Reopening starts a new revision; the revision as closed stays unchanged under "Revisions". The closing date is cleared and set again when the case is closed again.</translation>
        </message>
        <message>
            <source>作废的记录不会删除：照常保存五年（自作废之日起），不再计入未结投诉，也不能再修改。</source>
            <translation>A voided record is not deleted: it is kept five years from the day it was voided, no longer counted as open, and can no longer be changed.</translation>
        </message>
    </context>
    <context>
        <name>RegisterPage</name>
        <message>
            <source>搜索</source>
            <translation>Search</translation>
        </message>
        <message>
            <source>按状态筛选</source>
            <translation>Filter by status</translation>
        </message>
        <message>
            <source>全部状态</source>
            <translation>All statuses</translation>
        </message>
        <message>
            <source>按期限筛选</source>
            <translation>Filter by deadline</translation>
        </message>
        <message>
            <source>全部期限</source>
            <translation>Any deadline</translation>
        </message>
        <message>
            <source>按笔记本筛选</source>
            <translation>Filter by laptop</translation>
        </message>
        <message>
            <source>全部笔记本</source>
            <translation>All laptops</translation>
        </message>
        <message>
            <source>新建{title}</source>
            <translation>New {title}</translation>
        </message>
        <message>
            <source>{items}或{last}</source>
            <translation>{items} or {last}</translation>
        </message>
        <message>
            <source>、</source>
            <translation>, </translation>
        </message>
        <message>
            <source>搜索{items}，也可输入人员、电话或拼音首字母（多个词用空格隔开）</source>
            <translation>Search by {items}, any person, phone or pinyin</translation>
        </message>
        <message>
            <source>没有找到符合“{text}”的记录。</source>
            <translation>No records match "{text}".</translation>
        </message>
        <message>
            <source>没有符合筛选条件的记录。</source>
            <translation>No record matches the filters.</translation>
        </message>
        <message>
            <source>还没有记录。点“{action}”登记第一条。</source>
            <translation>No records yet. Click "{action}" to register the first one.</translation>
        </message>
    </context>
    <context>
        <name>ReportsPage</name>
        <message>
            <source>来电日期自</source>
            <translation>Calls from</translation>
        </message>
        <message>
            <source>至</source>
            <translation>to</translation>
        </message>
        <message>
            <source>生成报表</source>
            <translation>Make report</translation>
        </message>
        <message>
            <source>打印 PDF…</source>
            <translation>Print PDF…</translation>
        </message>
        <message>
            <source>导出 Excel…</source>
            <translation>Export Excel…</translation>
        </message>
        <message>
            <source>报表：</source>
            <translation>Report:</translation>
        </message>
        <message>
            <source>双击一个数字，查看它所统计的记录</source>
            <translation>Double-click a figure to see the records it counts</translation>
        </message>
        <message>
            <source>双击表中的数字，这里列出它所统计的记录；双击记录打开。</source>
            <translation>Double-click a figure in the table to list the records it counts here; double-click a record to open it.</translation>
        </message>
        <message>
            <source>内容</source>
            <translation>Contents</translation>
        </message>
        <message>
            <source>无法生成报表</source>
            <translation>Cannot make the report</translation>
        </message>
        <message>
            <source>{title}　{period}　（生成于 {when}）</source>
            <translation>{title}  {period}  (made {when})</translation>
        </message>
        <message>
            <source>{n} 条记录：双击查看</source>
            <translation>{n} records: double-click to see them</translation>
        </message>
        <message>
            <source>双击查看所统计的记录</source>
            <translation>Double-click to see the records counted</translation>
        </message>
        <message>
            <source>共 {n} 条记录（双击打开）</source>
            <translation>{n} records (double-click to open)</translation>
        </message>
        <message>
            <source>这个数字没有对应的记录。</source>
            <translation>No records are behind this figure.</translation>
        </message>
        <message>
            <source>打印报表（PDF）</source>
            <translation>Print report (PDF)</translation>
        </message>
        <message>
            <source>无法导出</source>
            <translation>Cannot export</translation>
        </message>
        <message>
            <source>无法写入 {path}：{reason}</source>
            <translation>Cannot write {path}: {reason}</translation>
        </message>
        <message>
            <source>　已导出 {path}</source>
            <translation>  Exported {path}</translation>
        </message>
        <message>
            <source>导出报表（Excel）</source>
            <translation>Export report (Excel)</translation>
        </message>
        <message>
            <source>Excel 文件 (*.xlsx)</source>
            <translation>Excel files (*.xlsx)</translation>
        </message>
    </context>
    <context>
        <name>RevisionsTable</name>
        <message>
            <source>修订记录</source>
            <translation>Revisions</translation>
        </message>
        <message>
            <source>版本</source>
            <translation>Revision</translation>
        </message>
        <message>
            <source>保存时间</source>
            <translation>Saved</translation>
        </message>
        <message>
            <source>签字</source>
            <translation>Signatures</translation>
        </message>
        <message>
            <source>内容校验码</source>
            <translation>Content hash</translation>
        </message>
        <message>
            <source>双击较早的一版，以只读方式打开并可再次导出 PDF</source>
            <translation>Double-click an earlier revision to open it read-only and export its PDF again</translation>
        </message>
        <message>
            <source>第 {n} 版</source>
            <translation>Rev. {n}</translation>
        </message>
        <message>
            <source>（当前）</source>
            <translation> (current)</translation>
        </message>
        <message>
            <source>、</source>
            <translation>, </translation>
        </message>
        <message>
            <source>{role} {name}（{time}）</source>
            <translation>{role} {name} ({time})</translation>
        </message>
        <message>
            <source>未签字</source>
            <translation>Not signed</translation>
        </message>
    </context>
    <context>
        <name>ScansPanel</name>
        <message>
            <source>纸质签字件</source>
            <translation>Signed Paper</translation>
        </message>
        <message>
            <source>打印并签字后，把扫描件或照片拖到窗口上即可附加（按页面上的二维码自动找到记录）。</source>
            <translation>After printing and signing, drop a scan or photo of the paper on the window to attach it (the record is found by the QR code on the page).</translation>
        </message>
        <message>
            <source>第 {n} 版</source>
            <translation>Revision {n}</translation>
        </message>
    </context>
    <context>
        <name>ScoreAverage</name>
        <message>
            <source>尚未评分</source>
            <translation>No scores yet</translation>
        </message>
        <message>
            <source>{average} 分（已评 {given} 项，共 {count} 项）</source>
            <translation>{average} points ({given} of {count} items scored)</translation>
        </message>
    </context>
    <context>
        <name>ScoreEditor</name>
        <message>
            <source>点选 1–5 分，或按数字键 1–5；再点一次、按 0 或 Delete 清除</source>
            <translation>Click a score 1-5 or press the keys 1-5; click it again, or press 0 or Delete, to clear</translation>
        </message>
        <message>
            <source>清除</source>
            <translation>Clear</translation>
        </message>
        <message>
            <source>清除评分（0 或 Delete）</source>
            <translation>Clear the score (0 or Delete)</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>产品验收数量不足</source>
            <translation>Short quantity on receipt</translation>
        </message>
        <message>
            <source>产品验收不合格</source>
            <translation>Failed incoming inspection</translation>
        </message>
        <message>
            <source>产品在使用过程中出现质量问题</source>
            <translation>Quality problem during use</translation>
        </message>
        <message>
            <source>其他来电（技术咨询、上门服务等）</source>
            <translation>Other calls (technical advice, on-site service, etc.)</translation>
        </message>
        <message>
            <source>印在每张表单的抬头。</source>
            <translation>Printed in the heading of every form.</translation>
        </message>
        <message>
            <source>写进本机生成的每个备案编号（如 TS-2026-A3-0007）。每台电脑必须使用不同的代码，否则两台电脑的编号会重复：请向总部领取。1–4 位大写字母或数字。</source>
            <translation>Part of every file number created on this computer (e.g. TS-2026-A3-0007). Each computer must use a different code, otherwise two computers would issue the same numbers: ask head office for one. 1–4 capital letters or digits.</translation>
        </message>
        <message>
            <source>新建记录时自动填为受理人、服务人员或调查人。</source>
            <translation>Filled in as the clerk (received by, service staff, surveyor) on new records.</translation>
        </message>
        <message>
            <source>设置</source>
            <translation>Settings</translation>
        </message>
        <message>
            <source>例如：华康消杀药业有限公司</source>
            <translation>e.g. Huakang Disinfection &amp; Pest Control Co., Ltd.</translation>
        </message>
        <message>
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>售后服务响应时间</source>
            <translation>After-sales response times</translation>
        </message>
        <message>
            <source>服务内容</source>
            <translation>Service</translation>
        </message>
        <message>
            <source>电话响应（小时）</source>
            <translation>Phone response (hours)</translation>
        </message>
        <message>
            <source>协商处理（小时）</source>
            <translation>Negotiated handling (hours)</translation>
        </message>
        <message>
            <source>这些时限印在售后服务承诺书上（源文件中的“XX 小时”），热线保障单的电话响应和处理时限也按此表计算。</source>
            <translation>These limits are printed on the after-sales service commitment letter (the "XX hours" of the source), and the hotline tickets' phone response and handling deadlines are worked out from this table.</translation>
        </message>
        <message>
            <source>服务台</source>
            <translation>Service desk</translation>
        </message>
        <message>
            <source>未保存</source>
            <translation>Not saved</translation>
        </message>
    </context>
    <context>
        <name>SignDialog</name>
        <message>
            <source>{label}签字 — {number}</source>
            <translation>{label} signature — {number}</translation>
        </message>
        <message>
            <source>{label}签字</source>
            <translation>{label} signature</translation>
        </message>
        <message>
            <source>{title} {number} 第 {revision} 版：签字确认本版内容。</source>
            <translation>{title} {number}, revision {revision}: signing confirms the content of this revision.</translation>
        </message>
        <message>
            <source>签字人姓名</source>
            <translation>Signer's name</translation>
        </message>
        <message>
            <source>签字人：</source>
            <translation>Signer:</translation>
        </message>
        <message>
            <source>身份：</source>
            <translation>Role:</translation>
        </message>
        <message>
            <source>撤销一笔</source>
            <translation>Undo stroke</translation>
        </message>
        <message>
            <source>清除重签</source>
            <translation>Clear and sign again</translation>
        </message>
        <message>
            <source>清除签字板上的全部笔迹，重新签字</source>
            <translation>Erase everything on the pad and sign again</translation>
        </message>
        <message>
            <source>确认签字</source>
            <translation>Confirm signature</translation>
        </message>
        <message>
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>请先在签字板上签字。</source>
            <translation>Please sign on the pad first.</translation>
        </message>
        <message>
            <source>；</source>
            <translation>; </translation>
        </message>
        <message>
            <source>记录在打开后已被修改，没有签字。请关闭此窗口，重新打开记录后再签字。</source>
            <translation>The record was changed after it was opened: not signed. Close this window, open the record again and then sign.</translation>
        </message>
    </context>
    <context>
        <name>SignInDialog</name>
        <message>
            <source>现场签到 — {number}</source>
            <translation>On-site sign-in — {number}</translation>
        </message>
        <message>
            <source>请在名单中点选自己的姓名，在下方签字板上签名，然后点“确认签到”。</source>
            <translation>Click your name in the list, sign on the pad below, then click "Confirm sign-in".</translation>
        </message>
        <message>
            <source>撤销一笔</source>
            <translation>Undo stroke</translation>
        </message>
        <message>
            <source>清除重签</source>
            <translation>Clear and sign again</translation>
        </message>
        <message>
            <source>确认签到</source>
            <translation>Confirm sign-in</translation>
        </message>
        <message>
            <source>完成</source>
            <translation>Done</translation>
        </message>
        <message>
            <source>{name}　✓ 已签到 {time}</source>
            <translation>{name}  ✓ signed in {time}</translation>
        </message>
        <message>
            <source>已签到 {n} / {total} 人</source>
            <translation>{n} / {total} signed in</translation>
        </message>
        <message>
            <source>全部人员已签到</source>
            <translation>Everyone has signed in</translation>
        </message>
        <message>
            <source>请先登记参加人员</source>
            <translation>Enter the attendees first</translation>
        </message>
        <message>
            <source>{name} 已签到</source>
            <translation>{name} has signed in</translation>
        </message>
        <message>
            <source>请 {name} 签到</source>
            <translation>{name}, please sign in</translation>
        </message>
        <message>
            <source>请先点选姓名并在签字板上签名。</source>
            <translation>Click a name and sign on the pad first.</translation>
        </message>
        <message>
            <source>；</source>
            <translation>; </translation>
        </message>
    </context>
    <context>
        <name>SignaturePad</name>
        <message>
            <source>签字板</source>
            <translation>Signature pad</translation>
        </message>
        <message>
            <source>请在此处签字</source>
            <translation>Please sign here</translation>
        </message>
    </context>
    <context>
        <name>SignaturesPanel</name>
        <message>
            <source>签字</source>
            <translation>Signatures</translation>
        </message>
        <message>
            <source>：</source>
            <translation>:</translation>
        </message>
        <message>
            <source>签字…</source>
            <translation>Sign…</translation>
        </message>
        <message>
            <source>在屏幕上签字（{label}）</source>
            <translation>Sign on the screen ({label})</translation>
        </message>
        <message>
            <source>未签</source>
            <translation>Not signed</translation>
        </message>
        <message>
            <source>已签：{name}，{time}</source>
            <translation>Signed: {name}, {time}</translation>
        </message>
        <message>
            <source>（签字图片缺失）</source>
            <translation>(signature image missing)</translation>
        </message>
        <message>
            <source>保存后可在屏幕上签字；也可打印后在纸上签字。</source>
            <translation>After saving, it can be signed on the screen, or printed and signed on paper.</translation>
        </message>
        <message>
            <source>本版已有签字：保存修改会生成新的一版，已签字的这一版保留不变。</source>
            <translation>This revision is signed: saving changes makes a new revision, and the signed one is kept unchanged.</translation>
        </message>
    </context>
    <context>
        <name>StatusHistoryTable</name>
        <message>
            <source>状态记录</source>
            <translation>Status history</translation>
        </message>
        <message>
            <source>时间</source>
            <translation>Time</translation>
        </message>
        <message>
            <source>原状态</source>
            <translation>From</translation>
        </message>
        <message>
            <source>新状态</source>
            <translation>To</translation>
        </message>
        <message>
            <source>操作人</source>
            <translation>By</translation>
        </message>
        <message>
            <source>备注</source>
            <translation>Note</translation>
        </message>
    </context>
    <context>
        <name>SurveyExtras</name>
        <message>
            <source>评分已填齐：调查表已登记为“{status}”。</source>
            <translation>All scores given: the survey is registered as "{status}".</translation>
        </message>
    </context>
    <context>
        <name>SyncDialog</name>
        <message>
            <source>与总部同步</source>
            <translation>Sync with head office</translation>
        </message>
        <message>
            <source>已记住（如总部重新发放，请填写新令牌）</source>
            <translation>Remembered (type a new token if head office issued one)</translation>
        </message>
        <message>
            <source>总部为本机发放的令牌</source>
            <translation>The token head office issued to this laptop</translation>
        </message>
        <message>
            <source>同步服务地址</source>
            <translation>Sync service address</translation>
        </message>
        <message>
            <source>本机令牌</source>
            <translation>This laptop's token</translation>
        </message>
        <message>
            <source>按“同步”发出本机新的记录，并收取总部的审批和决定。</source>
            <translation>Press Sync to send this laptop's new records and receive head office's approvals and decisions.</translation>
        </message>
        <message>
            <source>同步</source>
            <translation>Sync</translation>
        </message>
        <message>
            <source>取消同步</source>
            <translation>Cancel sync</translation>
        </message>
        <message>
            <source>正在发出：{done} / {total} 条</source>
            <translation>Sending: {done} / {total}</translation>
        </message>
        <message>
            <source>正在收取：{done} / {total} 条</source>
            <translation>Receiving: {done} / {total}</translation>
        </message>
        <message>
            <source>同步服务地址应以 https:// 或 http:// 开头</source>
            <translation>The sync service address must start with https:// or http://</translation>
        </message>
        <message>
            <source>请填写总部为本机发放的令牌（第一次同步时需要；之后会记住）</source>
            <translation>Type the token head office issued to this laptop (needed the first time; remembered after)</translation>
        </message>
        <message>
            <source>正在连接总部…</source>
            <translation>Connecting to head office…</translation>
        </message>
        <message>
            <source>正在停止：当前这一批完成后停止…</source>
            <translation>Stopping: after the current batch…</translation>
        </message>
        <message>
            <source>同步完成：发出 {sent} 条，收到 {received} 条，冲突 {conflicts} 条。</source>
            <translation>Sync done: {sent} sent, {received} received, {conflicts} conflicts.</translation>
        </message>
        <message>
            <source>本机删除的草稿，总部也已删除 {n} 条。</source>
            <translation>Drafts deleted here and now deleted at head office too: {n}.</translation>
        </message>
        <message>
            <source>冲突的记录已保留，本机记录未改动；请在 工具 ▸ 冲突记录 中处理。</source>
            <translation> The conflicting records are kept and this laptop's records unchanged; handle them in Tools ▸ Conflicts.</translation>
        </message>
        <message>
            <source>未收取：{items}</source>
            <translation> Not taken: {items}</translation>
        </message>
    </context>
    <context>
        <name>SyncWorker</name>
        <message>
            <source>未能同步：{error}</source>
            <translation>Could not sync: {error}</translation>
        </message>
        <message>
            <source>收到的记录未通过检查，本批未写入：{error}</source>
            <translation>Records received did not pass the checks; nothing of this batch was written: {error}</translation>
        </message>
        <message>
            <source>同步中出现意外错误：{error}；已完成的批次已保存</source>
            <translation>Unexpected error during the sync: {error}; the batches already done are saved</translation>
        </message>
    </context>
    <context>
        <name>TicketDeadlines</name>
        <message>
            <source>转为投诉</source>
            <translation>Escalate to complaint</translation>
        </message>
        <message>
            <source>新建一份投诉登记表，单位、来电人、产品、批号和问题从本保障单带入；投诉保存后本单转为“已转投诉”</source>
            <translation>Create a complaint form with the customer, caller, product, batch and problem of this ticket; once the complaint is saved, this ticket becomes "Escalated to complaint"</translation>
        </message>
        <message>
            <source>选择问题类型并填写来电时间后自动计算</source>
            <translation>Worked out once the problem type and call time are filled in</translation>
        </message>
        <message>
            <source>时限：{at}</source>
            <translation>Deadline: {at}</translation>
        </message>
        <message>
            <source>{what}{left}</source>
            <translation>{what} {left}</translation>
        </message>
        <message>
            <source>：</source>
            <translation>:</translation>
        </message>
        <message>
            <source>已转投诉</source>
            <translation>Escalated to complaint</translation>
        </message>
        <message>
            <source>已答复客户并派工</source>
            <translation>Customer answered and staff assigned</translation>
        </message>
        <message>
            <source>已处理（{date}）</source>
            <translation>Handled ({date})</translation>
        </message>
        <message>
            <source>已处理</source>
            <translation>Handled</translation>
        </message>
    </context>
    <context>
        <name>TicketDesk</name>
        <message>
            <source>接听热线</source>
            <translation>Hotline Call</translation>
        </message>
        <message>
            <source>清空，接下一个电话</source>
            <translation>Clear for the next call</translation>
        </message>
        <message>
            <source>保存保障单</source>
            <translation>Save ticket</translation>
        </message>
        <message>
            <source>保存保障单并打开（Ctrl+S 或 Ctrl+Enter）</source>
            <translation>Save the ticket and open it (Ctrl+S or Ctrl+Enter)</translation>
        </message>
        <message>
            <source>① 来电单位：请问您是哪个单位？</source>
            <translation>① Customer: "Which company are you calling from?"</translation>
        </message>
        <message>
            <source>查找客户</source>
            <translation>Find customer</translation>
        </message>
        <message>
            <source>单位名称、电话或拼音首字母，如 bjdyyy；↓↑ 选择，Enter 确定</source>
            <translation>Customer name, phone or pinyin initials, e.g. bjdyyy; ↓↑ to choose, Enter to confirm</translation>
        </message>
        <message>
            <source>查找结果</source>
            <translation>Search results</translation>
        </message>
        <message>
            <source>找不到？新建客户(&amp;N)…</source>
            <translation>Not found? &amp;New customer…</translation>
        </message>
        <message>
            <source>保存客户并选用</source>
            <translation>Save customer and use it</translation>
        </message>
        <message>
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>② 来电人：请问您怎么称呼？</source>
            <translation>② Caller: "May I have your name, please?"</translation>
        </message>
        <message>
            <source>档案联系人</source>
            <translation>Contacts on file</translation>
        </message>
        <message>
            <source>保存时把来电人加入客户档案的联系人</source>
            <translation>When saving, add the caller to the customer's contacts</translation>
        </message>
        <message>
            <source>③ 问题：请问遇到了什么问题？</source>
            <translation>③ Problem: "What problem have you run into?"</translation>
        </message>
        <message>
            <source>④ 承诺与派工：告诉客户何时回电、由谁处理</source>
            <translation>④ Promise and assignment: tell the customer when we will call back and who will handle it</translation>
        </message>
        <message>
            <source>填写后保存即为“已派工”；留空则为“已受理”，稍后在保障单中派工</source>
            <translation>If filled in, the ticket is saved as "Assigned"; if left empty, it is saved as "Received" and staff can be assigned in the ticket later</translation>
        </message>
        <message>
            <source>⑤ 复述承诺的回电时间，确认无误后保存（Ctrl+S）。</source>
            <translation>⑤ Repeat the promised call-back time to the customer and, once confirmed, save (Ctrl+S).</translation>
        </message>
        <message>
            <source>清空</source>
            <translation>Clear</translation>
        </message>
        <message>
            <source>清空本次来电已填写的内容？</source>
            <translation>Clear everything entered for this call?</translation>
        </message>
        <message>
            <source>　销售：{name}</source>
            <translation>   Sales rep: {name}</translation>
        </message>
        <message>
            <source>输入单位名称的一部分、电话号码或拼音首字母查找客户档案。</source>
            <translation>Type part of the customer's name, a phone number or the pinyin initials to search the customer register.</translation>
        </message>
        <message>
            <source>没有找到“{text}”。可换个说法再查，或新建客户。</source>
            <translation>Nothing found for "{text}". Try other words, or create a new customer.</translation>
        </message>
        <message>
            <source>找到 {n} 个单位：↓↑ 选择，Enter 或双击选用。</source>
            <translation>{n} customer(s) found: ↓↑ to choose, Enter or double-click to use.</translation>
        </message>
        <message>
            <source>尚未选择来电单位。</source>
            <translation>No customer selected yet.</translation>
        </message>
        <message>
            <source>&lt;b&gt;{name}&lt;/b&gt;（{number}）</source>
            <translation>&lt;b&gt;{name}&lt;/b&gt; ({number})</translation>
        </message>
        <message>
            <source>电话 {phone}</source>
            <translation>Phone {phone}</translation>
        </message>
        <message>
            <source>地址 {address}</source>
            <translation>Address {address}</translation>
        </message>
        <message>
            <source>负责销售 {name}</source>
            <translation>Sales rep {name}</translation>
        </message>
        <message>
            <source>已选：</source>
            <translation>Selected: </translation>
        </message>
        <message>
            <source>（主要联系人）</source>
            <translation> (primary contact)</translation>
        </message>
        <message>
            <source>＋ 不在档案中：新联系人（在下方填写）</source>
            <translation>+ Not on file: new contact (fill in below)</translation>
        </message>
        <message>
            <source>档案中已有此单位（{number}），已为您选用</source>
            <translation>This customer is already on file ({number}) and has been selected</translation>
        </message>
        <message>
            <source>未保存</source>
            <translation>Not saved</translation>
        </message>
        <message>
            <source>已新建客户 {number}：{name}</source>
            <translation>New customer {number} created: {name}</translation>
        </message>
        <message>
            <source>先选择来电单位，再核对来电人是否为档案联系人。</source>
            <translation>Choose the customer first, then check whether the caller is a contact on file.</translation>
        </message>
        <message>
            <source>✓ 来电人是档案联系人</source>
            <translation>✓ The caller is a contact on file</translation>
        </message>
        <message>
            <source>档案中的{name}电话为 {phone}：请核对来电号码；是新号码才勾选加入档案</source>
            <translation>{name} is on file with phone {phone}: check the number; tick to add it only if it is a new number</translation>
        </message>
        <message>
            <source>（未登记）</source>
            <translation>(none on file)</translation>
        </message>
        <message>
            <source>来电人不在档案中：新联系人</source>
            <translation>Caller not on file: new contact</translation>
        </message>
        <message>
            <source>请选择档案联系人，或填写新来电人的姓名和电话。</source>
            <translation>Choose a contact on file, or enter the new caller's name and phone number.</translation>
        </message>
        <message>
            <source>&lt;span style="color:#6b7280;"&gt;选择问题类型后按设置中的响应时间表计算&lt;/span&gt;</source>
            <translation>&lt;span style="color:#6b7280;"&gt;Worked out from the response times in the settings once the problem type is chosen&lt;/span&gt;</translation>
        </message>
        <message>
            <source>&lt;b&gt;{at}&lt;/b&gt;　（来电后 {hours} 小时内）</source>
            <translation>&lt;b&gt;{at}&lt;/b&gt;  (within {hours} h of the call)</translation>
        </message>
        <message>
            <source>未保存：有 {n} 处需要补充或修改，已在字段旁用红字标出。</source>
            <translation>Not saved: {n} item(s) to complete or correct, marked in red beside the fields.</translation>
        </message>
        <message>
            <source>已保存保障单 {number}（{status}）。可以接下一个电话了。</source>
            <translation>Ticket {number} saved ({status}). Ready for the next call.</translation>
        </message>
        <message>
            <source>请在客户档案中选择来电单位，或新建客户</source>
            <translation>Choose the customer from the customer register, or create a new customer</translation>
        </message>
    </context>
    <context>
        <name>TimeEditor</name>
        <message>
            <source>时:分，如 09:30</source>
            <translation>hh:mm, e.g. 09:30</translation>
        </message>
    </context>
    <context>
        <name>TrainingSheets</name>
        <message>
            <source>签到与考核</source>
            <translation>Sign-in and assessment</translation>
        </message>
        <message>
            <source>签到表</source>
            <translation>Sign-in sheet</translation>
        </message>
        <message>
            <source>培训考核试卷（每位参加人员一份）</source>
            <translation>Assessment papers (one per attendee)</translation>
        </message>
        <message>
            <source>考核成绩登记表</source>
            <translation>Assessment results sheet</translation>
        </message>
        <message>
            <source>打印…</source>
            <translation>Print…</translation>
        </message>
        <message>
            <source>导出 PDF…</source>
            <translation>Export PDF...</translation>
        </message>
        <message>
            <source>现场签到…</source>
            <translation>On-site sign-in…</translation>
        </message>
        <message>
            <source>参加人员依次在屏幕上签名，签名印在签到表上</source>
            <translation>Attendees sign on the screen one after another; the signatures are printed on the sign-in sheet</translation>
        </message>
        <message>
            <source>保存后可现场签到</source>
            <translation>On-site sign-in is available after saving</translation>
        </message>
        <message>
            <source>屏幕签到：{n} / {total} 人</source>
            <translation>Signed in on screen: {n} / {total}</translation>
        </message>
        <message>
            <source>导出 PDF</source>
            <translation>Export PDF</translation>
        </message>
        <message>
            <source>PDF 文件 (*.pdf)</source>
            <translation>PDF files (*.pdf)</translation>
        </message>
        <message>
            <source>导出失败</source>
            <translation>Export failed</translation>
        </message>
        <message>
            <source>没有生成 PDF。</source>
            <translation>No PDF was created.</translation>
        </message>
        <message>
            <source>已导出：{path}</source>
            <translation>Exported: {path}</translation>
        </message>
        <message>
            <source>请先在“参加人员”中登记姓名并保存，再现场签到。</source>
            <translation>Enter the names under "Attendees" and save before starting the on-site sign-in.</translation>
        </message>
    </context>
    <context>
        <name>VerifyDialog</name>
        <message>
            <source>校验 PDF</source>
            <translation>Verify PDF</translation>
        </message>
        <message>
            <source>完好</source>
            <translation>Intact</translation>
        </message>
        <message>
            <source>未通过校验</source>
            <translation>Verification failed</translation>
        </message>
        <message>
            <source>确定</source>
            <translation>OK</translation>
        </message>
    </context>
    <context>
        <name>about</name>
        <message>
            <source>版本：{version}</source>
            <translation>Version: {version}</translation>
        </message>
        <message>
            <source>Qt：{qt}（PySide6 {pyside}）</source>
            <translation>Qt: {qt} (PySide6 {pyside})</translation>
        </message>
        <message>
            <source>Python：{python}（{system}）</source>
            <translation>Python: {python} ({system})</translation>
        </message>
        <message>
            <source>数据文件夹：{path}</source>
            <translation>Data folder: {path}</translation>
        </message>
        <message>
            <source>程序文件夹：{path}</source>
            <translation>Program folder: {path}</translation>
        </message>
    </context>
    <context>
        <name>app</name>
        <message>
            <source>消杀药品售后服务台</source>
            <translation>Aftersales Desk</translation>
        </message>
        <message>
            <source>自动备份未完成：{error}</source>
            <translation>Automatic backup not completed: {error}</translation>
        </message>
        <message>
            <source>已自动备份到 {path}</source>
            <translation>Backed up automatically to {path}</translation>
        </message>
        <message>
            <source>这个数据文件夹已在另一个窗口中打开，已把它切到前台。</source>
            <translation>This data folder is already open in another window, which has been brought to the front.</translation>
        </message>
        <message>
            <source>数据文件夹正在使用</source>
            <translation>Data folder in use</translation>
        </message>
        <message>
            <source>数据文件夹 {path} 正由另一个窗口使用（可能在另一台电脑上）。</source>
            <translation>The data folder {path} is in use by another window (perhaps on another computer).</translation>
        </message>
        <message>
            <source>请先关闭那个窗口再打开；同一份数据同时在两个窗口中修改，后保存的一方会被拒绝。</source>
            <translation>Close that window first; when the same data is changed in two windows at once, the later save is refused.</translation>
        </message>
        <message>
            <source>请检查该文件夹是否存在、是否可以写入。（系统信息：{error}）</source>
            <translation>Check that the folder exists and can be written to. (System message: {error})</translation>
        </message>
        <message>
            <source>无法打开数据</source>
            <translation>Cannot open the data</translation>
        </message>
        <message>
            <source>无法打开数据文件夹 {path}。</source>
            <translation>Cannot open the data folder {path}.</translation>
        </message>
    </context>
    <context>
        <name>crash</name>
        <message>
            <source>错误报告已保存到：{path}。请把它发给软件维护人员。</source>
            <translation>An error report was saved to: {path}. Please send it to the software maintainers.</translation>
        </message>
        <message>
            <source>错误报告无法保存（磁盘已满或文件夹只读）。</source>
            <translation>The error report could not be saved (disk full or folder read-only).</translation>
        </message>
        <message>
            <source>程序出错</source>
            <translation>Program error</translation>
        </message>
        <message>
            <source>程序遇到了一个意外错误。已保存的记录不受影响；正在编辑、尚未保存的内容请检查后再保存。</source>
            <translation>The program ran into an unexpected error. Saved records are not affected; check any unsaved changes before saving them.</translation>
        </message>
    </context>
    <context>
        <name>dialogs</name>
        <message>
            <source>未保存的修改</source>
            <translation>Unsaved changes</translation>
        </message>
        <message>
            <source>“{name}”有未保存的修改。</source>
            <translation>"{name}" has unsaved changes.</translation>
        </message>
        <message>
            <source>关闭前是否保存？</source>
            <translation>Save before closing?</translation>
        </message>
        <message>
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>不保存</source>
            <translation>Don't Save</translation>
        </message>
        <message>
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>确定</source>
            <translation>OK</translation>
        </message>
    </context>
    <context>
        <name>excel</name>
        <message>
            <source>Excel 工作簿 (*.xlsx);;所有文件 (*)</source>
            <translation>Excel workbooks (*.xlsx);;All files (*)</translation>
        </message>
        <message>
            <source>无法写入文件：{path}</source>
            <translation>Cannot write the file: {path}</translation>
        </message>
        <message>
            <source>文件可能正在 Excel 中打开，或文件夹不可写。请关闭文件后重试。（{reason}）</source>
            <translation>The file may be open in Excel, or the folder is read-only. Close the file and try again. ({reason})</translation>
        </message>
        <message>
            <source>导出台账（Excel）</source>
            <translation>Export Registers (Excel)</translation>
        </message>
        <message>
            <source>售后服务台账-{date}.xlsx</source>
            <translation>Aftersales-registers-{date}.xlsx</translation>
        </message>
        <message>
            <source>正在导出台账…</source>
            <translation>Exporting registers…</translation>
        </message>
        <message>
            <source>已导出 {n} 条记录到 {path}</source>
            <translation>Exported {n} records to {path}</translation>
        </message>
        <message>
            <source>已导出 {n} 条记录（{sheets} 个工作表）。</source>
            <translation>Exported {n} records ({sheets} worksheets).</translation>
        </message>
        <message>
            <source>打开文件</source>
            <translation>Open file</translation>
        </message>
        <message>
            <source>生成 Excel 导入模板</source>
            <translation>Create Excel Import Template</translation>
        </message>
        <message>
            <source>导入模板-客户产品发货.xlsx</source>
            <translation>Import-template-customers-products-deliveries.xlsx</translation>
        </message>
        <message>
            <source>已生成导入模板：{path}</source>
            <translation>Import template created: {path}</translation>
        </message>
        <message>
            <source>已生成导入模板。请按“填写说明”工作表填写后，用“从 Excel 导入…”导入。</source>
            <translation>Import template created. Fill it in as described on its first sheet (the instructions), then load it with "Import from Excel…".</translation>
        </message>
        <message>
            <source>从 Excel 导入</source>
            <translation>Import from Excel</translation>
        </message>
        <message>
            <source>文件中没有要导入的记录。</source>
            <translation>The file has no records to import.</translation>
        </message>
        <message>
            <source>已从 Excel 导入：{summary}</source>
            <translation>Imported from Excel: {summary}</translation>
        </message>
        <message>
            <source>导入完成。</source>
            <translation>Import finished.</translation>
        </message>
    </context>
    <context>
        <name>fields</name>
        <message>
            <source>一般</source>
            <translation>Neutral</translation>
        </message>
        <message>
            <source>一般投诉</source>
            <translation>General complaint</translation>
        </message>
        <message>
            <source>上门</source>
            <translation>In person</translation>
        </message>
        <message>
            <source>上门服务/培训需求</source>
            <translation>On-site service / training request</translation>
        </message>
        <message>
            <source>上门走访</source>
            <translation>On-site visit</translation>
        </message>
        <message>
            <source>不合格</source>
            <translation>Failed</translation>
        </message>
        <message>
            <source>不同意</source>
            <translation>Not approved</translation>
        </message>
        <message>
            <source>不属于质量问题</source>
            <translation>Not a quality problem</translation>
        </message>
        <message>
            <source>不满意</source>
            <translation>Dissatisfied</translation>
        </message>
        <message>
            <source>不符合要求</source>
            <translation>Not compliant</translation>
        </message>
        <message>
            <source>与客户商定处理办法（或作出处理意见）的日期；处理完毕时未填则按当时填入</source>
            <translation>The day the handling was agreed with the customer (or the handling opinion given); filled with the moment it was done when left empty</translation>
        </message>
        <message>
            <source>专业技术水平</source>
            <translation>Technical competence</translation>
        </message>
        <message>
            <source>严重投诉</source>
            <translation>Serious complaint</translation>
        </message>
        <message>
            <source>主要联系人</source>
            <translation>Primary contact</translation>
        </message>
        <message>
            <source>乳油</source>
            <translation>Emulsifiable concentrate (EC)</translation>
        </message>
        <message>
            <source>交有资质单位处置</source>
            <translation>Handed to a licensed disposal company</translation>
        </message>
        <message>
            <source>交通运输场站</source>
            <translation>Transport terminal</translation>
        </message>
        <message>
            <source>产品</source>
            <translation>Product</translation>
        </message>
        <message>
            <source>产品使用情况</source>
            <translation>Product use</translation>
        </message>
        <message>
            <source>产品信息</source>
            <translation>Product</translation>
        </message>
        <message>
            <source>产品及批次</source>
            <translation>Product and batch</translation>
        </message>
        <message>
            <source>产品名称</source>
            <translation>Product name</translation>
        </message>
        <message>
            <source>产品档案</source>
            <translation>Product register</translation>
        </message>
        <message>
            <source>产品编号</source>
            <translation>Product No.</translation>
        </message>
        <message>
            <source>产品质量</source>
            <translation>Product quality</translation>
        </message>
        <message>
            <source>产品质量界定</source>
            <translation>Quality determination</translation>
        </message>
        <message>
            <source>产品退换货申请（含产品质量界定）</source>
            <translation>Product Return/Exchange Request (with Quality Determination)</translation>
        </message>
        <message>
            <source>件</source>
            <translation>piece</translation>
        </message>
        <message>
            <source>传真</source>
            <translation>Fax</translation>
        </message>
        <message>
            <source>何时何处购买，如何储存，如何配制和使用，出现了什么问题</source>
            <translation>When and where it was bought, how it was stored, diluted and used, and what went wrong</translation>
        </message>
        <message>
            <source>作废</source>
            <translation>Void</translation>
        </message>
        <message>
            <source>作废原因</source>
            <translation>Reason for voiding</translation>
        </message>
        <message>
            <source>使用不当</source>
            <translation>Improper use</translation>
        </message>
        <message>
            <source>使用与安全</source>
            <translation>Use and safety</translation>
        </message>
        <message>
            <source>使用中质量问题</source>
            <translation>Quality problem in use</translation>
        </message>
        <message>
            <source>使用中质量问题：协商处理（小时）</source>
            <translation>Quality problem in use: negotiated handling (hours)</translation>
        </message>
        <message>
            <source>使用中质量问题：电话响应（小时）</source>
            <translation>Quality problem in use: phone response (hours)</translation>
        </message>
        <message>
            <source>使用情况</source>
            <translation>Use</translation>
        </message>
        <message>
            <source>使用技术咨询</source>
            <translation>Technical advice on use</translation>
        </message>
        <message>
            <source>使用方法</source>
            <translation>Directions for use</translation>
        </message>
        <message>
            <source>使用日期</source>
            <translation>Date of use</translation>
        </message>
        <message>
            <source>使用浓度/稀释倍数</source>
            <translation>Concentration / dilution</translation>
        </message>
        <message>
            <source>使用记录</source>
            <translation>Use Record</translation>
        </message>
        <message>
            <source>使用讲义</source>
            <translation>Handouts used</translation>
        </message>
        <message>
            <source>依据单号</source>
            <translation>Reference No.</translation>
        </message>
        <message>
            <source>保质期（月）</source>
            <translation>Shelf life (months)</translation>
        </message>
        <message>
            <source>保质期（月，自发货日起）</source>
            <translation>Shelf life (months from shipping)</translation>
        </message>
        <message>
            <source>保障单</source>
            <translation>Ticket</translation>
        </message>
        <message>
            <source>保障单号</source>
            <translation>Ticket No.</translation>
        </message>
        <message>
            <source>修改后同意</source>
            <translation>Approved with changes</translation>
        </message>
        <message>
            <source>停售</source>
            <translation>Discontinued</translation>
        </message>
        <message>
            <source>停用客户</source>
            <translation>Deactivate customer</translation>
        </message>
        <message>
            <source>储存情况</source>
            <translation>Storage</translation>
        </message>
        <message>
            <source>克</source>
            <translation>g</translation>
        </message>
        <message>
            <source>免费更换</source>
            <translation>Free replacement</translation>
        </message>
        <message>
            <source>公司名称</source>
            <translation>Company name</translation>
        </message>
        <message>
            <source>公司地址</source>
            <translation>Company address</translation>
        </message>
        <message>
            <source>公司安排物流取回</source>
            <translation>Collected by the company's carrier</translation>
        </message>
        <message>
            <source>公司承担</source>
            <translation>Company</translation>
        </message>
        <message>
            <source>公司质量部门</source>
            <translation>Company quality department</translation>
        </message>
        <message>
            <source>其他</source>
            <translation>Other</translation>
        </message>
        <message>
            <source>其他回访</source>
            <translation>Other follow-up</translation>
        </message>
        <message>
            <source>其他来电：处理完毕（小时）</source>
            <translation>Other calls: handling (hours)</translation>
        </message>
        <message>
            <source>其他来电：电话响应（小时）</source>
            <translation>Other calls: phone response (hours)</translation>
        </message>
        <message>
            <source>养殖场</source>
            <translation>Livestock farm</translation>
        </message>
        <message>
            <source>到达时间</source>
            <translation>Arrival time</translation>
        </message>
        <message>
            <source>剂型</source>
            <translation>Formulation</translation>
        </message>
        <message>
            <source>剩余药液及废弃物处置</source>
            <translation>Disposal of leftover solution and waste</translation>
        </message>
        <message>
            <source>包装形式</source>
            <translation>Packaging</translation>
        </message>
        <message>
            <source>医疗机构</source>
            <translation>Medical institution</translation>
        </message>
        <message>
            <source>千克</source>
            <translation>kg</translation>
        </message>
        <message>
            <source>升</source>
            <translation>L</translation>
        </message>
        <message>
            <source>协商处理</source>
            <translation>Negotiated settlement</translation>
        </message>
        <message>
            <source>协商处理日期</source>
            <translation>Handling agreed on</translation>
        </message>
        <message>
            <source>协商处理时间</source>
            <translation>Handling agreed at</translation>
        </message>
        <message>
            <source>单位</source>
            <translation>Unit</translation>
        </message>
        <message>
            <source>单位/部门</source>
            <translation>Company / department</translation>
        </message>
        <message>
            <source>单位名称</source>
            <translation>Customer name</translation>
        </message>
        <message>
            <source>单位地址</source>
            <translation>Customer address</translation>
        </message>
        <message>
            <source>单位电话</source>
            <translation>Main phone</translation>
        </message>
        <message>
            <source>单位类型</source>
            <translation>Customer type</translation>
        </message>
        <message>
            <source>原因类别</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>原因说明</source>
            <translation>Reason details</translation>
        </message>
        <message>
            <source>参加人员</source>
            <translation>Attendees</translation>
        </message>
        <message>
            <source>参加人员及考核</source>
            <translation>Attendees and assessment</translation>
        </message>
        <message>
            <source>双方协商分担</source>
            <translation>Shared as agreed</translation>
        </message>
        <message>
            <source>反馈与回访</source>
            <translation>Feedback and follow-up</translation>
        </message>
        <message>
            <source>反馈内容</source>
            <translation>Feedback details</translation>
        </message>
        <message>
            <source>反馈投诉人</source>
            <translation>Give feedback to complainant</translation>
        </message>
        <message>
            <source>反馈日期</source>
            <translation>Feedback date</translation>
        </message>
        <message>
            <source>发放日期</source>
            <translation>Date issued</translation>
        </message>
        <message>
            <source>发现的问题</source>
            <translation>Problems found</translation>
        </message>
        <message>
            <source>发现的问题及建议</source>
            <translation>Problems found and suggestions</translation>
        </message>
        <message>
            <source>发现问题时产品的使用日期：用于判断该批次当时是否已过保质期</source>
            <translation>The day the product was used when the problem showed: tells whether the batch had expired by then</translation>
        </message>
        <message>
            <source>发货人</source>
            <translation>Shipped by</translation>
        </message>
        <message>
            <source>发货信息</source>
            <translation>Delivery</translation>
        </message>
        <message>
            <source>发货单号</source>
            <translation>Delivery No.</translation>
        </message>
        <message>
            <source>发货单号或投诉备案编号</source>
            <translation>The delivery number or the complaint's record number</translation>
        </message>
        <message>
            <source>发货及批次记录</source>
            <translation>Delivery and Batch Record</translation>
        </message>
        <message>
            <source>发货后定期回访</source>
            <translation>Regular post-delivery follow-up</translation>
        </message>
        <message>
            <source>发货后定期回访间隔（月）</source>
            <translation>Post-delivery follow-up interval (months)</translation>
        </message>
        <message>
            <source>发货批次</source>
            <translation>Delivery Batch</translation>
        </message>
        <message>
            <source>发货批次台账</source>
            <translation>Delivery register</translation>
        </message>
        <message>
            <source>发货日期</source>
            <translation>Shipping date</translation>
        </message>
        <message>
            <source>发货日期加保质期，保存时自动计算</source>
            <translation>Delivery date plus shelf life, worked out when saved</translation>
        </message>
        <message>
            <source>取消回访</source>
            <translation>Cancel follow-up</translation>
        </message>
        <message>
            <source>受理人</source>
            <translation>Received by</translation>
        </message>
        <message>
            <source>召回</source>
            <translation>Recall</translation>
        </message>
        <message>
            <source>可湿性粉剂</source>
            <translation>Wettable powder (WP)</translation>
        </message>
        <message>
            <source>可溶液剂</source>
            <translation>Soluble concentrate (SL)</translation>
        </message>
        <message>
            <source>合作中</source>
            <translation>Active</translation>
        </message>
        <message>
            <source>合格</source>
            <translation>Passed</translation>
        </message>
        <message>
            <source>合格分数</source>
            <translation>Pass mark</translation>
        </message>
        <message>
            <source>同意</source>
            <translation>Approved</translation>
        </message>
        <message>
            <source>品质部</source>
            <translation>QA department</translation>
        </message>
        <message>
            <source>响应速度</source>
            <translation>Speed of response</translation>
        </message>
        <message>
            <source>售后服务保障单</source>
            <translation>After-sales Hotline Ticket</translation>
        </message>
        <message>
            <source>售后服务报告单</source>
            <translation>After-sales Service Report</translation>
        </message>
        <message>
            <source>售后服务满意度调查表</source>
            <translation>After-sales Service Satisfaction Survey</translation>
        </message>
        <message>
            <source>售后服务电话</source>
            <translation>After-sales phone</translation>
        </message>
        <message>
            <source>售后部经理</source>
            <translation>After-sales manager</translation>
        </message>
        <message>
            <source>喷洒消毒</source>
            <translation>Spray disinfection</translation>
        </message>
        <message>
            <source>器械与耗材</source>
            <translation>Equipment and consumables</translation>
        </message>
        <message>
            <source>回收日期</source>
            <translation>Date returned</translation>
        </message>
        <message>
            <source>回电日期</source>
            <translation>Call-back date</translation>
        </message>
        <message>
            <source>回电确认</source>
            <translation>Confirm call-back</translation>
        </message>
        <message>
            <source>回电记录</source>
            <translation>Call-back notes</translation>
        </message>
        <message>
            <source>回访</source>
            <translation>Follow-up</translation>
        </message>
        <message>
            <source>回访人员</source>
            <translation>Follow-up staff</translation>
        </message>
        <message>
            <source>回访完成</source>
            <translation>Complete follow-up</translation>
        </message>
        <message>
            <source>回访方式</source>
            <translation>Follow-up method</translation>
        </message>
        <message>
            <source>回访日期</source>
            <translation>Follow-up date</translation>
        </message>
        <message>
            <source>回访类型</source>
            <translation>Follow-up type</translation>
        </message>
        <message>
            <source>回访结果</source>
            <translation>Follow-up result</translation>
        </message>
        <message>
            <source>回访编号</source>
            <translation>Follow-up No.</translation>
        </message>
        <message>
            <source>回访计划</source>
            <translation>Follow-up plan</translation>
        </message>
        <message>
            <source>回访记录</source>
            <translation>Follow-up notes</translation>
        </message>
        <message>
            <source>在售</source>
            <translation>On sale</translation>
        </message>
        <message>
            <source>在客户档案中找到该单位后自动填入</source>
            <translation>Filled in when the unit is found in the customer register</translation>
        </message>
        <message>
            <source>地址</source>
            <translation>Address</translation>
        </message>
        <message>
            <source>培训</source>
            <translation>Training</translation>
        </message>
        <message>
            <source>培训主题</source>
            <translation>Topic</translation>
        </message>
        <message>
            <source>培训信息</source>
            <translation>Session</translation>
        </message>
        <message>
            <source>培训内容摘要</source>
            <translation>Summary of content</translation>
        </message>
        <message>
            <source>培训地点</source>
            <translation>Venue</translation>
        </message>
        <message>
            <source>培训对象</source>
            <translation>Audience</translation>
        </message>
        <message>
            <source>培训已举行</source>
            <translation>Mark training as held</translation>
        </message>
        <message>
            <source>培训效果</source>
            <translation>Training effectiveness</translation>
        </message>
        <message>
            <source>培训日期</source>
            <translation>Training date</translation>
        </message>
        <message>
            <source>培训编号</source>
            <translation>Training No.</translation>
        </message>
        <message>
            <source>培训考核合格分数</source>
            <translation>Training assessment pass mark</translation>
        </message>
        <message>
            <source>培训记录</source>
            <translation>Training records</translation>
        </message>
        <message>
            <source>培训讲师</source>
            <translation>Trainer</translation>
        </message>
        <message>
            <source>基本满意</source>
            <translation>Fairly satisfied</translation>
        </message>
        <message>
            <source>基本符合</source>
            <translation>Mostly compliant</translation>
        </message>
        <message>
            <source>填写中</source>
            <translation>In progress</translation>
        </message>
        <message>
            <source>填表人</source>
            <translation>Respondent</translation>
        </message>
        <message>
            <source>处理与回电</source>
            <translation>Handling and call-back</translation>
        </message>
        <message>
            <source>处理中</source>
            <translation>Being handled</translation>
        </message>
        <message>
            <source>处理完成日期</source>
            <translation>Date handled</translation>
        </message>
        <message>
            <source>处理完毕</source>
            <translation>Finish handling</translation>
        </message>
        <message>
            <source>处理措施</source>
            <translation>Actions taken</translation>
        </message>
        <message>
            <source>处理方式</source>
            <translation>Resolution</translation>
        </message>
        <message>
            <source>处理方案</source>
            <translation>Handling plan</translation>
        </message>
        <message>
            <source>处理时限</source>
            <translation>Handling deadline</translation>
        </message>
        <message>
            <source>处理结果</source>
            <translation>Result</translation>
        </message>
        <message>
            <source>备份文件夹（空白：数据文件夹中的 backups）</source>
            <translation>Backup folder (blank: backups in the data folder)</translation>
        </message>
        <message>
            <source>备案编号</source>
            <translation>File No.</translation>
        </message>
        <message>
            <source>备注</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>如 1:100 或 500 mg/L</source>
            <translation>e.g. 1:100 or 500 mg/L</translation>
        </message>
        <message>
            <source>如 5%、500 mg/片</source>
            <translation>e.g. 5%, 500 mg/tablet</translation>
        </message>
        <message>
            <source>如 500 mL/瓶</source>
            <translation>e.g. 500 mL/bottle</translation>
        </message>
        <message>
            <source>如 一、除四害技术培训；三、消杀药品使用规范</source>
            <translation>e.g. 1. Pest control techniques; 3. Rules for using disinfection and pest-control products</translation>
        </message>
        <message>
            <source>如 北京市朝阳区</source>
            <translation>e.g. Chaoyang District, Beijing</translation>
        </message>
        <message>
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>存放地点</source>
            <translation>Storage location</translation>
        </message>
        <message>
            <source>学校、托幼机构</source>
            <translation>School, kindergarten or nursery</translation>
        </message>
        <message>
            <source>安全注意事项</source>
            <translation>Safety notes</translation>
        </message>
        <message>
            <source>完成回访</source>
            <translation>Complete follow-up</translation>
        </message>
        <message>
            <source>完成情况</source>
            <translation>Completion</translation>
        </message>
        <message>
            <source>完成情况说明</source>
            <translation>Completion notes</translation>
        </message>
        <message>
            <source>完成日期</source>
            <translation>Completion date</translation>
        </message>
        <message>
            <source>完成服务报告</source>
            <translation>Complete service report</translation>
        </message>
        <message>
            <source>完成质量界定</source>
            <translation>Complete quality determination</translation>
        </message>
        <message>
            <source>实际给客户电话答复的日期；派工时未填则按当时填入</source>
            <translation>The day the customer was actually answered by phone; filled with the moment of assignment when left empty</translation>
        </message>
        <message>
            <source>审批</source>
            <translation>Approval</translation>
        </message>
        <message>
            <source>审批人</source>
            <translation>Approver</translation>
        </message>
        <message>
            <source>审批人职务</source>
            <translation>Approver's role</translation>
        </message>
        <message>
            <source>审批意见</source>
            <translation>Approval decision</translation>
        </message>
        <message>
            <source>审批意见说明</source>
            <translation>Approval remarks</translation>
        </message>
        <message>
            <source>审批日期</source>
            <translation>Approval date</translation>
        </message>
        <message>
            <source>审批说明</source>
            <translation>Approval remarks</translation>
        </message>
        <message>
            <source>审批通过，开始处理</source>
            <translation>Approve and start handling</translation>
        </message>
        <message>
            <source>客户</source>
            <translation>Customer</translation>
        </message>
        <message>
            <source>客户产品使用记录</source>
            <translation>Customer Product Use Record</translation>
        </message>
        <message>
            <source>客户使用记录</source>
            <translation>Customer use records</translation>
        </message>
        <message>
            <source>客户信息</source>
            <translation>Customer</translation>
        </message>
        <message>
            <source>客户单位</source>
            <translation>Customer</translation>
        </message>
        <message>
            <source>客户单位人员</source>
            <translation>Customer's staff</translation>
        </message>
        <message>
            <source>客户寄回（运费到付）</source>
            <translation>Sent back by customer (freight collect)</translation>
        </message>
        <message>
            <source>客户意见</source>
            <translation>Customer's comments</translation>
        </message>
        <message>
            <source>客户承担</source>
            <translation>Customer</translation>
        </message>
        <message>
            <source>客户承担少量成本费用</source>
            <translation>Customer pays a small cost</translation>
        </message>
        <message>
            <source>客户承担金额（元）</source>
            <translation>Amount borne by customer (CNY)</translation>
        </message>
        <message>
            <source>客户投诉登记反馈表</source>
            <translation>Customer Complaint Registration and Feedback Form</translation>
        </message>
        <message>
            <source>客户新需求</source>
            <translation>Customer's new needs</translation>
        </message>
        <message>
            <source>客户档案</source>
            <translation>Customer register</translation>
        </message>
        <message>
            <source>客户编号</source>
            <translation>Customer No.</translation>
        </message>
        <message>
            <source>客户自行承担</source>
            <translation>Borne by customer</translation>
        </message>
        <message>
            <source>客户自行送回</source>
            <translation>Brought back by customer</translation>
        </message>
        <message>
            <source>客户评价</source>
            <translation>Customer rating</translation>
        </message>
        <message>
            <source>宾馆酒店</source>
            <translation>Hotel</translation>
        </message>
        <message>
            <source>尚未处置（暂存）</source>
            <translation>Not yet disposed of (stored)</translation>
        </message>
        <message>
            <source>属于质量问题</source>
            <translation>Quality problem</translation>
        </message>
        <message>
            <source>岗位</source>
            <translation>Job</translation>
        </message>
        <message>
            <source>已作废</source>
            <translation>Voided</translation>
        </message>
        <message>
            <source>已停用</source>
            <translation>Inactive</translation>
        </message>
        <message>
            <source>已关闭</source>
            <translation>Closed</translation>
        </message>
        <message>
            <source>已反馈</source>
            <translation>Feedback given</translation>
        </message>
        <message>
            <source>已发放</source>
            <translation>Issued</translation>
        </message>
        <message>
            <source>已发货</source>
            <translation>Shipped</translation>
        </message>
        <message>
            <source>已取消</source>
            <translation>Cancelled</translation>
        </message>
        <message>
            <source>已受理</source>
            <translation>Received</translation>
        </message>
        <message>
            <source>已告知对界定有异议可向国家有关部门投诉</source>
            <translation>Told that objections to the determination can be raised with the relevant state authorities</translation>
        </message>
        <message>
            <source>已回收</source>
            <translation>Returned</translation>
        </message>
        <message>
            <source>已回电</source>
            <translation>Called back</translation>
        </message>
        <message>
            <source>已回访</source>
            <translation>Follow-up done</translation>
        </message>
        <message>
            <source>已培训</source>
            <translation>Held</translation>
        </message>
        <message>
            <source>已处理</source>
            <translation>Handled</translation>
        </message>
        <message>
            <source>已完成</source>
            <translation>Completed</translation>
        </message>
        <message>
            <source>已批准</source>
            <translation>Approved</translation>
        </message>
        <message>
            <source>已核查</source>
            <translation>Checked</translation>
        </message>
        <message>
            <source>已派工</source>
            <translation>Assigned</translation>
        </message>
        <message>
            <source>已申请</source>
            <translation>Requested</translation>
        </message>
        <message>
            <source>已界定</source>
            <translation>Determined</translation>
        </message>
        <message>
            <source>已登记</source>
            <translation>Registered</translation>
        </message>
        <message>
            <source>已考核</source>
            <translation>Assessed</translation>
        </message>
        <message>
            <source>已转投诉</source>
            <translation>Escalated to complaint</translation>
        </message>
        <message>
            <source>已通知销售</source>
            <translation>Sales informed</translation>
        </message>
        <message>
            <source>已驳回</source>
            <translation>Rejected</translation>
        </message>
        <message>
            <source>已验收</source>
            <translation>Inspected</translation>
        </message>
        <message>
            <source>常量喷雾</source>
            <translation>Conventional spraying</translation>
        </message>
        <message>
            <source>年度调查</source>
            <translation>Annual survey</translation>
        </message>
        <message>
            <source>应回访日期</source>
            <translation>Due date</translation>
        </message>
        <message>
            <source>废弃物处置</source>
            <translation>Waste disposal</translation>
        </message>
        <message>
            <source>建档人</source>
            <translation>Added by</translation>
        </message>
        <message>
            <source>建档日期</source>
            <translation>Date added</translation>
        </message>
        <message>
            <source>开始时间</source>
            <translation>Start time</translation>
        </message>
        <message>
            <source>开始调查</source>
            <translation>Start investigation</translation>
        </message>
        <message>
            <source>待回访</source>
            <translation>Pending</translation>
        </message>
        <message>
            <source>很不满意</source>
            <translation>Very dissatisfied</translation>
        </message>
        <message>
            <source>很满意</source>
            <translation>Very satisfied</translation>
        </message>
        <message>
            <source>得分</source>
            <translation>Score</translation>
        </message>
        <message>
            <source>微乳剂</source>
            <translation>Microemulsion (ME)</translation>
        </message>
        <message>
            <source>微囊悬浮剂</source>
            <translation>Capsule suspension (CS)</translation>
        </message>
        <message>
            <source>总体满意度</source>
            <translation>Overall satisfaction</translation>
        </message>
        <message>
            <source>总经理</source>
            <translation>General manager</translation>
        </message>
        <message>
            <source>总经理审批日期</source>
            <translation>General manager's approval date</translation>
        </message>
        <message>
            <source>总经理意见</source>
            <translation>General manager's opinion</translation>
        </message>
        <message>
            <source>恢复合作</source>
            <translation>Reactivate</translation>
        </message>
        <message>
            <source>恢复销售</source>
            <translation>Resume sales</translation>
        </message>
        <message>
            <source>悬浮剂</source>
            <translation>Suspension concentrate (SC)</translation>
        </message>
        <message>
            <source>意见和建议</source>
            <translation>Comments and suggestions</translation>
        </message>
        <message>
            <source>所在地区</source>
            <translation>Region</translation>
        </message>
        <message>
            <source>批准退换货</source>
            <translation>Approve return/exchange</translation>
        </message>
        <message>
            <source>批次到期提前提醒（天）</source>
            <translation>Warn before batch expiry (days)</translation>
        </message>
        <message>
            <source>承诺与派工</source>
            <translation>Promise and assignment</translation>
        </message>
        <message>
            <source>承诺回电日期</source>
            <translation>Promised call-back date</translation>
        </message>
        <message>
            <source>承诺回电时间</source>
            <translation>Promised call-back time</translation>
        </message>
        <message>
            <source>投诉</source>
            <translation>Complaint</translation>
        </message>
        <message>
            <source>投诉人</source>
            <translation>Complainant</translation>
        </message>
        <message>
            <source>投诉人反馈确认</source>
            <translation>Complainant confirms feedback</translation>
        </message>
        <message>
            <source>投诉人意见</source>
            <translation>Complainant's comments</translation>
        </message>
        <message>
            <source>投诉人详情</source>
            <translation>Complainant details</translation>
        </message>
        <message>
            <source>投诉单位</source>
            <translation>Customer</translation>
        </message>
        <message>
            <source>投诉原因详情</source>
            <translation>Complaint details</translation>
        </message>
        <message>
            <source>投诉反馈后回访（天内）</source>
            <translation>Follow-up after complaint feedback (within days)</translation>
        </message>
        <message>
            <source>投诉处理</source>
            <translation>Complaint handling</translation>
        </message>
        <message>
            <source>投诉处理后回访</source>
            <translation>Follow-up after complaint</translation>
        </message>
        <message>
            <source>投诉处理后回访：投诉人对处理结果的意见，完成后写入投诉单的“投诉人意见”</source>
            <translation>A call back after a complaint: the complainant's opinion of the handling, written into the complaint's "Complainant's comments" when done</translation>
        </message>
        <message>
            <source>投诉性质</source>
            <translation>Severity</translation>
        </message>
        <message>
            <source>投诉渠道</source>
            <translation>Channel</translation>
        </message>
        <message>
            <source>投诉登记</source>
            <translation>Complaint registration</translation>
        </message>
        <message>
            <source>投诉登记簿</source>
            <translation>Complaint register</translation>
        </message>
        <message>
            <source>投诉类别</source>
            <translation>Category</translation>
        </message>
        <message>
            <source>投诉量</source>
            <translation>Quantity</translation>
        </message>
        <message>
            <source>报告编号</source>
            <translation>Report No.</translation>
        </message>
        <message>
            <source>按设置中的售后服务响应时间表，自来电时间起计算</source>
            <translation>From the time of the call, by the service response times in the settings</translation>
        </message>
        <message>
            <source>按题号顺序填写所选答案字母，如 ABDCA…；判断题填 A（对）或 B（错）；未参加考核填“缺考”</source>
            <translation>The letters chosen, in question order, e.g. ABDCA…; true/false questions A (true) or B (false); "absent" if the attendee did not take the test</translation>
        </message>
        <message>
            <source>换货</source>
            <translation>Exchange</translation>
        </message>
        <message>
            <source>接听人</source>
            <translation>Taken by</translation>
        </message>
        <message>
            <source>擦拭</source>
            <translation>Wiping</translation>
        </message>
        <message>
            <source>支</source>
            <translation>tube</translation>
        </message>
        <message>
            <source>收货联系人</source>
            <translation>Receiving contact</translation>
        </message>
        <message>
            <source>改进措施</source>
            <translation>Improvement measures</translation>
        </message>
        <message>
            <source>数量</source>
            <translation>Quantity</translation>
        </message>
        <message>
            <source>数量不足</source>
            <translation>Short quantity</translation>
        </message>
        <message>
            <source>施药人</source>
            <translation>Applied by</translation>
        </message>
        <message>
            <source>施药方法</source>
            <translation>Method</translation>
        </message>
        <message>
            <source>施药记录</source>
            <translation>Applications</translation>
        </message>
        <message>
            <source>施药部位/面积</source>
            <translation>Location / area</translation>
        </message>
        <message>
            <source>无需退回</source>
            <translation>No return needed</translation>
        </message>
        <message>
            <source>是否专柜加锁、阴凉干燥避光、与食品饲料隔离、有无专人管理</source>
            <translation>Locked cabinet? Cool, dry and dark? Kept apart from food and feed? A person in charge?</translation>
        </message>
        <message>
            <source>是否档案联系人</source>
            <translation>Contact on file</translation>
        </message>
        <message>
            <source>有害生物防制公司</source>
            <translation>Pest control company</translation>
        </message>
        <message>
            <source>有效成分</source>
            <translation>Active ingredient</translation>
        </message>
        <message>
            <source>有效成分含量</source>
            <translation>Active ingredient content</translation>
        </message>
        <message>
            <source>有效期至</source>
            <translation>Expires</translation>
        </message>
        <message>
            <source>有答卷时按标准答案自动评分</source>
            <translation>Scored from the answer key when the answers are entered</translation>
        </message>
        <message>
            <source>服务人员</source>
            <translation>Service staff</translation>
        </message>
        <message>
            <source>服务信息</source>
            <translation>Service</translation>
        </message>
        <message>
            <source>服务内容</source>
            <translation>Service</translation>
        </message>
        <message>
            <source>服务后调查</source>
            <translation>After-service survey</translation>
        </message>
        <message>
            <source>服务态度</source>
            <translation>Service attitude</translation>
        </message>
        <message>
            <source>服务投诉</source>
            <translation>Service complaint</translation>
        </message>
        <message>
            <source>服务报告</source>
            <translation>Service Report</translation>
        </message>
        <message>
            <source>服务报告登记簿</source>
            <translation>Service report register</translation>
        </message>
        <message>
            <source>服务日期</source>
            <translation>Service date</translation>
        </message>
        <message>
            <source>服务类型</source>
            <translation>Service type</translation>
        </message>
        <message>
            <source>本公司售后服务人员</source>
            <translation>Our after-sales staff</translation>
        </message>
        <message>
            <source>本公司销售人员</source>
            <translation>Our sales staff</translation>
        </message>
        <message>
            <source>本机代码</source>
            <translation>Computer code</translation>
        </message>
        <message>
            <source>本机使用人</source>
            <translation>Computer user</translation>
        </message>
        <message>
            <source>机关事业单位</source>
            <translation>Government or public institution</translation>
        </message>
        <message>
            <source>杀虫剂</source>
            <translation>Insecticide</translation>
        </message>
        <message>
            <source>杀鼠剂</source>
            <translation>Rodenticide</translation>
        </message>
        <message>
            <source>来电</source>
            <translation>Call</translation>
        </message>
        <message>
            <source>来电人</source>
            <translation>Caller</translation>
        </message>
        <message>
            <source>来电人是客户档案中登记的联系人；否则请把新联系人补入档案</source>
            <translation>The caller is a contact in the customer register; otherwise add the new contact to the register</translation>
        </message>
        <message>
            <source>来电号码</source>
            <translation>Caller's number</translation>
        </message>
        <message>
            <source>来电日期</source>
            <translation>Call date</translation>
        </message>
        <message>
            <source>来电时间</source>
            <translation>Call time</translation>
        </message>
        <message>
            <source>查看的产品</source>
            <translation>Products checked</translation>
        </message>
        <message>
            <source>查看的产品及批次</source>
            <translation>Products and batches checked</translation>
        </message>
        <message>
            <source>核查完毕</source>
            <translation>Mark as checked</translation>
        </message>
        <message>
            <source>桶</source>
            <translation>drum</translation>
        </message>
        <message>
            <source>桶装</source>
            <translation>Drum</translation>
        </message>
        <message>
            <source>毒饵（毒饵站）</source>
            <translation>Bait (bait stations)</translation>
        </message>
        <message>
            <source>毫升</source>
            <translation>mL</translation>
        </message>
        <message>
            <source>气雾剂</source>
            <translation>Aerosol (AE)</translation>
        </message>
        <message>
            <source>水乳剂</source>
            <translation>Emulsion, oil in water (EW)</translation>
        </message>
        <message>
            <source>派工</source>
            <translation>Assign</translation>
        </message>
        <message>
            <source>派工上门和转为投诉时使用；在客户档案中找到该单位后自动填入</source>
            <translation>Used for a site visit and when the ticket becomes a complaint; filled in when the unit is found in the customer register</translation>
        </message>
        <message>
            <source>派工人员</source>
            <translation>Assigned staff</translation>
        </message>
        <message>
            <source>浸泡</source>
            <translation>Soaking</translation>
        </message>
        <message>
            <source>消杀药品使用知识培训记录</source>
            <translation>Training Record: Use of Disinfection and Pest-control Products</translation>
        </message>
        <message>
            <source>消毒剂</source>
            <translation>Disinfectant</translation>
        </message>
        <message>
            <source>液剂</source>
            <translation>Liquid</translation>
        </message>
        <message>
            <source>清洗后破坏处理</source>
            <translation>Rinsed and destroyed</translation>
        </message>
        <message>
            <source>滞留喷洒</source>
            <translation>Residual spraying</translation>
        </message>
        <message>
            <source>满分 100 分；留空按设置中的合格分数（默认 80 分）</source>
            <translation>Out of 100; left empty, the pass mark in the settings applies (80 by default)</translation>
        </message>
        <message>
            <source>满意</source>
            <translation>Satisfied</translation>
        </message>
        <message>
            <source>满意度评分（5 分为很满意，1 分为很不满意）</source>
            <translation>Satisfaction scores (5 = very satisfied, 1 = very dissatisfied)</translation>
        </message>
        <message>
            <source>满意度调查</source>
            <translation>Satisfaction Survey</translation>
        </message>
        <message>
            <source>满意度调查登记簿</source>
            <translation>Satisfaction survey register</translation>
        </message>
        <message>
            <source>烟剂</source>
            <translation>Smoke generator (FU)</translation>
        </message>
        <message>
            <source>热烟雾</source>
            <translation>Thermal fogging</translation>
        </message>
        <message>
            <source>热线保障单</source>
            <translation>Hotline tickets</translation>
        </message>
        <message>
            <source>熏蒸</source>
            <translation>Fumigation</translation>
        </message>
        <message>
            <source>片</source>
            <translation>tablet</translation>
        </message>
        <message>
            <source>片剂</source>
            <translation>Tablet</translation>
        </message>
        <message>
            <source>物业管理单位</source>
            <translation>Property management</translation>
        </message>
        <message>
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>现场填写</source>
            <translation>Filled in on site</translation>
        </message>
        <message>
            <source>现场施药记录</source>
            <translation>Products applied on site</translation>
        </message>
        <message>
            <source>现场调查人员</source>
            <translation>Field investigator</translation>
        </message>
        <message>
            <source>现场调查情况</source>
            <translation>On-site findings</translation>
        </message>
        <message>
            <source>瓶</source>
            <translation>bottle</translation>
        </message>
        <message>
            <source>瓶装</source>
            <translation>Bottle</translation>
        </message>
        <message>
            <source>生产企业</source>
            <translation>Manufacturer</translation>
        </message>
        <message>
            <source>生产批号</source>
            <translation>Batch No.</translation>
        </message>
        <message>
            <source>生产日期</source>
            <translation>Production date</translation>
        </message>
        <message>
            <source>用量</source>
            <translation>Amount</translation>
        </message>
        <message>
            <source>申请信息</source>
            <translation>Request</translation>
        </message>
        <message>
            <source>申请日期</source>
            <translation>Request date</translation>
        </message>
        <message>
            <source>申请编号</source>
            <translation>Request No.</translation>
        </message>
        <message>
            <source>电话</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>电话响应日期</source>
            <translation>Phone response on</translation>
        </message>
        <message>
            <source>电话响应时间</source>
            <translation>Phone response at</translation>
        </message>
        <message>
            <source>电话响应时限</source>
            <translation>Phone response deadline</translation>
        </message>
        <message>
            <source>电话询问</source>
            <translation>By phone</translation>
        </message>
        <message>
            <source>界定人</source>
            <translation>Determined by</translation>
        </message>
        <message>
            <source>界定人职务</source>
            <translation>Determiner's role</translation>
        </message>
        <message>
            <source>界定依据</source>
            <translation>Basis of determination</translation>
        </message>
        <message>
            <source>界定日期</source>
            <translation>Determination date</translation>
        </message>
        <message>
            <source>留空则取产品档案中的保质期，再无则取设置中的默认值</source>
            <translation>Left empty: the product's shelf life from the product register, else the default in the settings</translation>
        </message>
        <message>
            <source>留空按设置</source>
            <translation>Blank: as in Settings</translation>
        </message>
        <message>
            <source>疾病预防控制机构</source>
            <translation>Disease control centre (CDC)</translation>
        </message>
        <message>
            <source>登记回收的调查表</source>
            <translation>Register returned survey</translation>
        </message>
        <message>
            <source>登记日期</source>
            <translation>Registration date</translation>
        </message>
        <message>
            <source>登记考核结果</source>
            <translation>Record assessment results</translation>
        </message>
        <message>
            <source>登记证号</source>
            <translation>Registration No.</translation>
        </message>
        <message>
            <source>登记证号/批准文号</source>
            <translation>Registration / approval No.</translation>
        </message>
        <message>
            <source>登记验收结果</source>
            <translation>Record inspection result</translation>
        </message>
        <message>
            <source>白蚁</source>
            <translation>Termites</translation>
        </message>
        <message>
            <source>盒</source>
            <translation>box</translation>
        </message>
        <message>
            <source>盒装</source>
            <translation>Box</translation>
        </message>
        <message>
            <source>离开时间</source>
            <translation>Departure time</translation>
        </message>
        <message>
            <source>稀释倍数/浓度</source>
            <translation>Dilution / concentration</translation>
        </message>
        <message>
            <source>空容器处置</source>
            <translation>Empty container disposal</translation>
        </message>
        <message>
            <source>符合要求</source>
            <translation>Compliant</translation>
        </message>
        <message>
            <source>简称</source>
            <translation>Short name</translation>
        </message>
        <message>
            <source>管理者代表</source>
            <translation>Management representative</translation>
        </message>
        <message>
            <source>管理者代表审批日期</source>
            <translation>Management rep.'s approval date</translation>
        </message>
        <message>
            <source>管理者代表意见</source>
            <translation>Management rep.'s opinion</translation>
        </message>
        <message>
            <source>箱</source>
            <translation>case</translation>
        </message>
        <message>
            <source>箱装</source>
            <translation>Case</translation>
        </message>
        <message>
            <source>类别</source>
            <translation>Category</translation>
        </message>
        <message>
            <source>粉剂</source>
            <translation>Dustable powder (DP)</translation>
        </message>
        <message>
            <source>粉剂喷撒</source>
            <translation>Dusting</translation>
        </message>
        <message>
            <source>纸质表格</source>
            <translation>Paper form</translation>
        </message>
        <message>
            <source>细菌、病毒（消毒）</source>
            <translation>Bacteria, viruses (disinfection)</translation>
        </message>
        <message>
            <source>经办人</source>
            <translation>Handled by</translation>
        </message>
        <message>
            <source>结束时间</source>
            <translation>End time</translation>
        </message>
        <message>
            <source>结案</source>
            <translation>Close the case</translation>
        </message>
        <message>
            <source>结案后重新打开时填写的原因；结案时的版本原样保留在修订记录中</source>
            <translation>Why a closed case was reopened; the revision as closed is kept unchanged in the revisions</translation>
        </message>
        <message>
            <source>结案日期</source>
            <translation>Case closed on</translation>
        </message>
        <message>
            <source>缺考</source>
            <translation>Absent</translation>
        </message>
        <message>
            <source>罐</source>
            <translation>can</translation>
        </message>
        <message>
            <source>罐装</source>
            <translation>Can</translation>
        </message>
        <message>
            <source>网络</source>
            <translation>Online</translation>
        </message>
        <message>
            <source>考核答卷</source>
            <translation>Answers</translation>
        </message>
        <message>
            <source>考核结果</source>
            <translation>Result</translation>
        </message>
        <message>
            <source>职务/部门</source>
            <translation>Position / department</translation>
        </message>
        <message>
            <source>联系人</source>
            <translation>Contact</translation>
        </message>
        <message>
            <source>联系方式</source>
            <translation>Contact method</translation>
        </message>
        <message>
            <source>联系电话</source>
            <translation>Contact phone</translation>
        </message>
        <message>
            <source>胶饵</source>
            <translation>Gel bait</translation>
        </message>
        <message>
            <source>胶饵点施</source>
            <translation>Gel bait spots</translation>
        </message>
        <message>
            <source>自发货日起计算</source>
            <translation>Counted from the delivery date</translation>
        </message>
        <message>
            <source>臭虫</source>
            <translation>Bed bugs</translation>
        </message>
        <message>
            <source>药剂名称</source>
            <translation>Product</translation>
        </message>
        <message>
            <source>蚂蚁</source>
            <translation>Ants</translation>
        </message>
        <message>
            <source>蚊</source>
            <translation>Mosquitoes</translation>
        </message>
        <message>
            <source>蝇</source>
            <translation>Flies</translation>
        </message>
        <message>
            <source>蟑螂</source>
            <translation>Cockroaches</translation>
        </message>
        <message>
            <source>补发</source>
            <translation>Resend</translation>
        </message>
        <message>
            <source>袋</source>
            <translation>bag</translation>
        </message>
        <message>
            <source>袋装</source>
            <translation>Bag</translation>
        </message>
        <message>
            <source>被投诉产品</source>
            <translation>Products complained about</translation>
        </message>
        <message>
            <source>被投诉产品详情</source>
            <translation>Product details</translation>
        </message>
        <message>
            <source>被调查单位</source>
            <translation>Customer surveyed</translation>
        </message>
        <message>
            <source>规格</source>
            <translation>Pack size</translation>
        </message>
        <message>
            <source>计划中</source>
            <translation>Planned</translation>
        </message>
        <message>
            <source>计量单位</source>
            <translation>Unit</translation>
        </message>
        <message>
            <source>记录中</source>
            <translation>In progress</translation>
        </message>
        <message>
            <source>记录人</source>
            <translation>Recorded by</translation>
        </message>
        <message>
            <source>记录日期</source>
            <translation>Record date</translation>
        </message>
        <message>
            <source>记录编号</source>
            <translation>Record No.</translation>
        </message>
        <message>
            <source>该批次发货记录中的有效期，保存时从发货批次台账查得</source>
            <translation>The batch's expiry date from its delivery record, looked up in the delivery register when saved</translation>
        </message>
        <message>
            <source>调查中</source>
            <translation>Under investigation</translation>
        </message>
        <message>
            <source>调查人</source>
            <translation>Surveyor</translation>
        </message>
        <message>
            <source>调查人员</source>
            <translation>Investigator</translation>
        </message>
        <message>
            <source>调查信息</source>
            <translation>Survey</translation>
        </message>
        <message>
            <source>调查情况</source>
            <translation>Investigation</translation>
        </message>
        <message>
            <source>调查意见</source>
            <translation>Investigation conclusion</translation>
        </message>
        <message>
            <source>调查方式</source>
            <translation>Survey method</translation>
        </message>
        <message>
            <source>调查日期</source>
            <translation>Investigation date</translation>
        </message>
        <message>
            <source>调查类型</source>
            <translation>Survey type</translation>
        </message>
        <message>
            <source>调查表编号</source>
            <translation>Survey No.</translation>
        </message>
        <message>
            <source>负责销售</source>
            <translation>Sales rep</translation>
        </message>
        <message>
            <source>质量异议</source>
            <translation>Quality objection</translation>
        </message>
        <message>
            <source>质量异议：作出处理意见（小时）</source>
            <translation>Quality objection: handling opinion (hours)</translation>
        </message>
        <message>
            <source>质量界定</source>
            <translation>Quality determination</translation>
        </message>
        <message>
            <source>质量问题照片</source>
            <translation>Photos of the quality problem</translation>
        </message>
        <message>
            <source>购买、储存、使用经过及投诉内容</source>
            <translation>Purchase, storage, use and complaint</translation>
        </message>
        <message>
            <source>购买地点</source>
            <translation>Place of purchase</translation>
        </message>
        <message>
            <source>贮存情况</source>
            <translation>Storage</translation>
        </message>
        <message>
            <source>贮存情况说明</source>
            <translation>Storage notes</translation>
        </message>
        <message>
            <source>贮存条件</source>
            <translation>Storage conditions</translation>
        </message>
        <message>
            <source>费用承担</source>
            <translation>Costs borne by</translation>
        </message>
        <message>
            <source>超低容量喷雾</source>
            <translation>Ultra-low-volume spraying</translation>
        </message>
        <message>
            <source>跟进情况</source>
            <translation>Progress</translation>
        </message>
        <message>
            <source>跳蚤</source>
            <translation>Fleas</translation>
        </message>
        <message>
            <source>转为投诉</source>
            <translation>Escalate to complaint</translation>
        </message>
        <message>
            <source>运单号</source>
            <translation>Waybill No.</translation>
        </message>
        <message>
            <source>运输费用由公司承担</source>
            <translation>Shipping costs borne by the company</translation>
        </message>
        <message>
            <source>远程回访</source>
            <translation>Remote follow-up</translation>
        </message>
        <message>
            <source>退回供货单位回收</source>
            <translation>Returned to the supplier</translation>
        </message>
        <message>
            <source>退回重新调查</source>
            <translation>Return for re-investigation</translation>
        </message>
        <message>
            <source>退换货产品</source>
            <translation>Products to return/exchange</translation>
        </message>
        <message>
            <source>退换货原因</source>
            <translation>Reason for return/exchange</translation>
        </message>
        <message>
            <source>退换货已完成</source>
            <translation>Return/exchange completed</translation>
        </message>
        <message>
            <source>退换货申请</source>
            <translation>Return Request</translation>
        </message>
        <message>
            <source>退换货申请登记簿</source>
            <translation>Return request register</translation>
        </message>
        <message>
            <source>退货运输</source>
            <translation>Return shipping</translation>
        </message>
        <message>
            <source>退货退款</source>
            <translation>Return and refund</translation>
        </message>
        <message>
            <source>适用对象/场所</source>
            <translation>Targets / places of use</translation>
        </message>
        <message>
            <source>通知的销售人员</source>
            <translation>Sales rep informed</translation>
        </message>
        <message>
            <source>邮件</source>
            <translation>Email</translation>
        </message>
        <message>
            <source>配送/补货</source>
            <translation>Delivery / restocking</translation>
        </message>
        <message>
            <source>配送及时性</source>
            <translation>Timely delivery</translation>
        </message>
        <message>
            <source>配送时限（小时）</source>
            <translation>Delivery time (hours)</translation>
        </message>
        <message>
            <source>采购单位</source>
            <translation>Customer</translation>
        </message>
        <message>
            <source>重复登记等原因作废时填写；作废的记录照常保存五年，不计入未结投诉</source>
            <translation>Why the complaint was voided (e.g. registered twice); a voided record is kept five years and not counted as open</translation>
        </message>
        <message>
            <source>重新打开</source>
            <translation>Reopen</translation>
        </message>
        <message>
            <source>重新打开与作废</source>
            <translation>Reopening and voiding</translation>
        </message>
        <message>
            <source>重新打开原因</source>
            <translation>Reason for reopening</translation>
        </message>
        <message>
            <source>问题</source>
            <translation>Problem</translation>
        </message>
        <message>
            <source>问题描述</source>
            <translation>Description</translation>
        </message>
        <message>
            <source>问题照片</source>
            <translation>Photos of the problem</translation>
        </message>
        <message>
            <source>问题类型</source>
            <translation>Problem type</translation>
        </message>
        <message>
            <source>问题解决效果</source>
            <translation>Problem resolution</translation>
        </message>
        <message>
            <source>防治对象</source>
            <translation>Target pest</translation>
        </message>
        <message>
            <source>难以界定（退回公司质量部门鉴定）</source>
            <translation>Undetermined (referred to company quality department)</translation>
        </message>
        <message>
            <source>颗粒剂</source>
            <translation>Granules (GR)</translation>
        </message>
        <message>
            <source>食品生产经营单位</source>
            <translation>Food producer or retailer</translation>
        </message>
        <message>
            <source>餐饮单位</source>
            <translation>Restaurant or canteen</translation>
        </message>
        <message>
            <source>饵剂</source>
            <translation>Bait</translation>
        </message>
        <message>
            <source>驱避剂</source>
            <translation>Repellent</translation>
        </message>
        <message>
            <source>驳回申请</source>
            <translation>Reject request</translation>
        </message>
        <message>
            <source>验收</source>
            <translation>Acceptance</translation>
        </message>
        <message>
            <source>验收不合格</source>
            <translation>Failed incoming inspection</translation>
        </message>
        <message>
            <source>验收不合格：协商处理（小时）</source>
            <translation>Failed inspection: negotiated handling (hours)</translation>
        </message>
        <message>
            <source>验收不合格：电话响应（小时）</source>
            <translation>Failed inspection: phone response (hours)</translation>
        </message>
        <message>
            <source>验收人</source>
            <translation>Inspected by</translation>
        </message>
        <message>
            <source>验收合格</source>
            <translation>Passed inspection</translation>
        </message>
        <message>
            <source>验收情况说明</source>
            <translation>Inspection notes</translation>
        </message>
        <message>
            <source>验收数量不足</source>
            <translation>Short quantity on receipt</translation>
        </message>
        <message>
            <source>验收数量不足：协商处理（小时）</source>
            <translation>Short quantity: negotiated handling (hours)</translation>
        </message>
        <message>
            <source>验收数量不足：电话响应（小时）</source>
            <translation>Short quantity: phone response (hours)</translation>
        </message>
        <message>
            <source>验收日期</source>
            <translation>Inspection date</translation>
        </message>
        <message>
            <source>验收结果</source>
            <translation>Inspection result</translation>
        </message>
        <message>
            <source>鼠类</source>
            <translation>Rodents</translation>
        </message>
    </context>
    <context>
        <name>messages</name>
        <message>
            <source>deletions 应为数组</source>
            <translation>deletions should be an array</translation>
        </message>
        <message>
            <source>id 应为 UUID</source>
            <translation>id must be a UUID</translation>
        </message>
        <message>
            <source>ids 应为 [类型, id] 的数组</source>
            <translation>ids must be an array of [kind, id]</translation>
        </message>
        <message>
            <source>ids 应为记录 id 的数组</source>
            <translation>ids should be an array of record ids</translation>
        </message>
        <message>
            <source>known 应为对象</source>
            <translation>known must be an object</translation>
        </message>
        <message>
            <source>photos 应为至多 {max} 张图片的数组</source>
            <translation>photos must be an array of at most {max} pictures</translation>
        </message>
        <message>
            <source>profile 应为对象</source>
            <translation>profile should be an object</translation>
        </message>
        <message>
            <source>settings 应为对象</source>
            <translation>settings should be an object</translation>
        </message>
        <message>
            <source>{column} 列有内容，但这一列没有列名</source>
            <translation>Column {column} has data but no column name</translation>
        </message>
        <message>
            <source>{kind} 没有“{step}”这一审批步骤</source>
            <translation>{kind} has no approval step "{step}"</translation>
        </message>
        <message>
            <source>{n} 条已办结或已签字的记录仍写着原编号 {number}（其内容不再改动）</source>
            <translation>{n} closed or signed records still name the old number {number} (their content is not changed)</translation>
        </message>
        <message>
            <source>{path} 不是本程序的备份（缺少或无法读取 manifest.json）</source>
            <translation>{path} is not a backup of this program (manifest.json missing or unreadable)</translation>
        </message>
        <message>
            <source>{product} 等 {n} 项</source>
            <translation>{product} and others ({n} items)</translation>
        </message>
        <message>
            <source>{register}中有 {n} 条名为“{name}”的记录，无法确定更新哪一条</source>
            <translation>{register} has {n} records named "{name}"; cannot tell which one to update</translation>
        </message>
        <message>
            <source>{user}（{role}）无权做这一步：需要 {roles}</source>
            <translation>{user} ({role}) may not take this step: it needs {roles}</translation>
        </message>
        <message>
            <source>{user}（{role}）无权处理客户和产品的提议：需要 {roles}</source>
            <translation>{user} ({role}) may not decide on proposed customers and products: it needs {roles}</translation>
        </message>
        <message>
            <source>“{name}”已登记过；同名的人请加注部门，如 {name}（保洁部）</source>
            <translation>"{name}" is already listed; for people with the same name, add the department, e.g. {name} (Cleaning)</translation>
        </message>
        <message>
            <source>“{number}”不是有效的编号：应为 前缀-年份-本机代号-序号，如 {example}</source>
            <translation>"{number}" is not a valid number: it should be PREFIX-YEAR-LAPTOP-SEQUENCE, e.g. {example}</translation>
        </message>
        <message>
            <source>“{value}”不是可选项；可选：{choices}</source>
            <translation>"{value}" is not one of the choices: {choices}</translation>
        </message>
        <message>
            <source>“{value}”不是有效状态</source>
            <translation>"{value}" is not a valid status</translation>
        </message>
        <message>
            <source>一次最多 {max} 条删除</source>
            <translation>At most {max} deletions at a time</translation>
        </message>
        <message>
            <source>一次最多 {max} 条记录</source>
            <translation>At most {max} records at a time</translation>
        </message>
        <message>
            <source>上门服务须填写到达和离开时间</source>
            <translation>An on-site service needs its arrival and departure times</translation>
        </message>
        <message>
            <source>上门走访的联系方式应为“上门”</source>
            <translation>The contact method of an on-site visit must be "In person"</translation>
        </message>
        <message>
            <source>不接受 {name}：应为数字或 null</source>
            <translation>{name} is not accepted: use a number or null</translation>
        </message>
        <message>
            <source>不是可接受的 JSON：{reason}</source>
            <translation>Not acceptable JSON: {reason}</translation>
        </message>
        <message>
            <source>不是可接受的 JSON：嵌套层数过深（最多 {max} 层）</source>
            <translation>Not acceptable JSON: nested too deeply (at most {max} levels)</translation>
        </message>
        <message>
            <source>不是有效的 JSON：第 {line} 行第 {col} 列：{msg}</source>
            <translation>Not valid JSON: line {line}, column {col}: {msg}</translation>
        </message>
        <message>
            <source>不是有效的电话号码：手机号为 11 位（1 开头），座机请带区号，如 010-12345678</source>
            <translation>Not a valid phone number: a mobile number has 11 digits starting with 1; give a landline with its area code, e.g. 010-12345678</translation>
        </message>
        <message>
            <source>不是本软件的导出文件（format 应为 {format}）</source>
            <translation>Not an export file of this program (format should be {format})</translation>
        </message>
        <message>
            <source>不能从“{a}”转到“{b}”</source>
            <translation>Cannot move from "{a}" to "{b}"</translation>
        </message>
        <message>
            <source>不能大于 {max}</source>
            <translation>Must not be more than {max}</translation>
        </message>
        <message>
            <source>不能小于 {min}</source>
            <translation>Must not be less than {min}</translation>
        </message>
        <message>
            <source>不能早于{label}（{date}）</source>
            <translation>Must not be earlier than {label} ({date})</translation>
        </message>
        <message>
            <source>不能早于生产日期（{date}）</source>
            <translation>Must not be earlier than the production date ({date})</translation>
        </message>
        <message>
            <source>不能晚于今天（{today}）</source>
            <translation>Must not be later than today ({today})</translation>
        </message>
        <message>
            <source>与第 {row} 行重复：同一客户、产品、生产批号和发货日期只能填写一行</source>
            <translation>Duplicate of row {row}: enter only one row per customer, product, batch number and shipping date</translation>
        </message>
        <message>
            <source>与第 {row} 行重复：同名的只能填写一行</source>
            <translation>Duplicate of row {row}: enter only one row per name</translation>
        </message>
        <message>
            <source>代码 {code} 是总部自己的编号代码，不能分给笔记本</source>
            <translation>Code {code} is head office's own numbering code and cannot be given to a laptop</translation>
        </message>
        <message>
            <source>令牌不属于本机（本机代码 {code}）</source>
            <translation>The token does not belong to this laptop (laptop code {code})</translation>
        </message>
        <message>
            <source>令牌属于本机代码 {theirs}，而本机代码是 {ours}；请在设置中改正本机代码或使用本机的令牌</source>
            <translation>The token belongs to laptop code {theirs}, but this laptop's code is {ours}; correct the laptop code in the settings or use this laptop's token</translation>
        </message>
        <message>
            <source>修订内容与 content_hash 不符</source>
            <translation>revision content does not match content_hash</translation>
        </message>
        <message>
            <source>修订号应为正整数</source>
            <translation>The revision number must be a positive whole number</translation>
        </message>
        <message>
            <source>修订号重复</source>
            <translation>duplicate revision number</translation>
        </message>
        <message>
            <source>修订的哈希方案无效</source>
            <translation>Unknown hash scheme of the revision</translation>
        </message>
        <message>
            <source>修订记录不完整</source>
            <translation>incomplete revision entry</translation>
        </message>
        <message>
            <source>内存不足，无法读取；数据没有改动。请关闭其他程序后重试。</source>
            <translation>Out of memory: could not read; nothing was changed. Close other programs and try again.</translation>
        </message>
        <message>
            <source>内存不足，本次未保存；已保存的记录没有受影响。请关闭其他程序后重试。</source>
            <translation>Out of memory: not saved; records saved earlier are unaffected. Close other programs and try again.</translation>
        </message>
        <message>
            <source>列“{name}”重复（另见 {other} 列）</source>
            <translation>Column "{name}" appears twice (see also column {other})</translation>
        </message>
        <message>
            <source>删除 #{index}：应为含 kind、id、seen 的对象</source>
            <translation>Deletion #{index}: should be an object with kind, id and seen</translation>
        </message>
        <message>
            <source>协商处理时限不能短于电话响应时限</source>
            <translation>Must not be shorter than the phone response time</translation>
        </message>
        <message>
            <source>反馈时须告知投诉人：对界定有异议可向国家有关部门投诉</source>
            <translation>When giving feedback, tell the complainant that objections to the determination can be raised with the relevant state authorities</translation>
        </message>
        <message>
            <source>只能删除尚未完成、也没有后续记录的草稿；已完成的记录须存档</source>
            <translation>Only a draft that is not completed and has no follow-up records can be deleted; completed records are kept in the archive</translation>
        </message>
        <message>
            <source>只能有一位主要联系人</source>
            <translation>There can be only one primary contact</translation>
        </message>
        <message>
            <source>同一处签字出现两次</source>
            <translation>the same signature block appears twice</translation>
        </message>
        <message>
            <source>同步已取消：已完成的批次已保存，下次同步从这里继续</source>
            <translation>Sync cancelled: the batches already done are saved; the next sync continues from here</translation>
        </message>
        <message>
            <source>同步文件 {path} 无法读取：{error}</source>
            <translation>Sync file {path} cannot be read: {error}</translation>
        </message>
        <message>
            <source>同步文件 {path} 的校验码不符：不是用本机令牌制作的，或在途中被改动过；未导入任何内容</source>
            <translation>The check code of sync file {path} does not match: it was not made with this laptop's token, or it was changed on the way; nothing was imported</translation>
        </message>
        <message>
            <source>同步文件来自未登记的本机代码 {code}</source>
            <translation>The sync file comes from laptop code {code}, which is not registered</translation>
        </message>
        <message>
            <source>同步文件：{name}</source>
            <translation>Sync file: {name}</translation>
        </message>
        <message>
            <source>同步：{code}</source>
            <translation>Sync: {code}</translation>
        </message>
        <message>
            <source>含有无效的字符（NUL）</source>
            <translation>Contains an invalid character (NUL)</translation>
        </message>
        <message>
            <source>含有无法识别的字符（不完整的 Unicode 代理项）</source>
            <translation>Contains a character that cannot be read (an incomplete Unicode surrogate)</translation>
        </message>
        <message>
            <source>图片 {sha} 的 content_base64 无效</source>
            <translation>The content_base64 of picture {sha} is not valid</translation>
        </message>
        <message>
            <source>图片内容不是有效的 base64</source>
            <translation>Image content is not valid base64</translation>
        </message>
        <message>
            <source>图片内容与 sha256 不符</source>
            <translation>Image content does not match its sha256</translation>
        </message>
        <message>
            <source>图片引用无效：应为 64 位十六进制的 SHA-256</source>
            <translation>Invalid picture reference: it should be a SHA-256 of 64 hexadecimal digits</translation>
        </message>
        <message>
            <source>图片文件缺失：{name}</source>
            <translation>Image file missing: {name}</translation>
        </message>
        <message>
            <source>填写用量时须选择单位</source>
            <translation>Choose a unit for the amount</translation>
        </message>
        <message>
            <source>备份 {path} 中的数据库未通过完整性检查：{detail}</source>
            <translation>The database in backup {path} failed its integrity check: {detail}</translation>
        </message>
        <message>
            <source>备份 {path} 已损坏或不完整：{file} 缺失或内容不符</source>
            <translation>Backup {path} is damaged or incomplete: {file} is missing or differs</translation>
        </message>
        <message>
            <source>备份 {path} 由更新版本的程序制作（版本 {rev}），本程序无法使用。请先升级程序</source>
            <translation>Backup {path} was made by a newer version of the program (schema {rev}) and cannot be used. Upgrade the program first</translation>
        </message>
        <message>
            <source>备份 {path} 的清单含有文件夹之外的路径“{file}”，已拒绝</source>
            <translation>The manifest of backup {path} names a path outside its folder ("{file}"): refused</translation>
        </message>
        <message>
            <source>备份副本检查未通过：{detail}</source>
            <translation>The backup copy failed its check: {detail}</translation>
        </message>
        <message>
            <source>备份失败（{error}），没有留下不完整的备份</source>
            <translation>The backup failed ({error}); no incomplete backup was left</translation>
        </message>
        <message>
            <source>太长：最多 {limit} 个字，现有 {count} 个字</source>
            <translation>Too long: at most {limit} characters, now {count}</translation>
        </message>
        <message>
            <source>字段名无效</source>
            <translation>Invalid field name</translation>
        </message>
        <message>
            <source>存档版本上的签字不能删除，没有改动任何数据。</source>
            <translation>The signatures of an archived revision cannot be deleted; nothing was changed.</translation>
        </message>
        <message>
            <source>存档的版本不能改写，没有改动任何数据。</source>
            <translation>An archived revision cannot be rewritten; nothing was changed.</translation>
        </message>
        <message>
            <source>审批未同意，不能进入处理</source>
            <translation>Not approved: handling cannot start</translation>
        </message>
        <message>
            <source>审批未同意，应驳回申请</source>
            <translation>Not approved: the request should be rejected</translation>
        </message>
        <message>
            <source>客户承担费用时，须填写金额</source>
            <translation>Enter the amount when the customer pays</translation>
        </message>
        <message>
            <source>客户档案中已有同名单位（{number}），请勿重复建档</source>
            <translation>The customer register already has a customer with this name ({number}); do not register it twice</translation>
        </message>
        <message>
            <source>密码为空：请从标准输入给出密码</source>
            <translation>The password is empty: give the password on standard input</translation>
        </message>
        <message>
            <source>密码太短：至少 {min} 个字符</source>
            <translation>The password is too short: at least {min} characters</translation>
        </message>
        <message>
            <source>导出文件中没有记录列表（records）</source>
            <translation>The export file has no list of records (records)</translation>
        </message>
        <message>
            <source>导出文件的格式版本 {version} 不受支持（本软件读取第 {ours} 版）</source>
            <translation>Export file format version {version} is not supported (this program reads version {ours})</translation>
        </message>
        <message>
            <source>导出文件的签名不完整或算法不受支持（应为 {algorithm}）</source>
            <translation>The export file's signature is incomplete or uses an unsupported algorithm (should be {algorithm})</translation>
        </message>
        <message>
            <source>导出文件的签名证书或签名值无法读取</source>
            <translation>The export file's signing certificate or signature value cannot be read</translation>
        </message>
        <message>
            <source>属于质量问题的，应免费更换或退货退款</source>
            <translation>For a quality problem, the resolution must be free replacement or return and refund</translation>
        </message>
        <message>
            <source>属于质量问题的，费用由公司承担</source>
            <translation>For a quality problem, the company bears the costs</translation>
        </message>
        <message>
            <source>属于质量问题的，运输费用由公司承担</source>
            <translation>For a quality problem, the company bears the shipping costs</translation>
        </message>
        <message>
            <source>属于质量问题的，须附质量问题照片</source>
            <translation>For a quality problem, photos of the problem must be attached</translation>
        </message>
        <message>
            <source>嵌套层数过深（最多 {max} 层）</source>
            <translation>Nested too deeply (at most {max} levels)</translation>
        </message>
        <message>
            <source>工作表“{sheet}” 第 {row} 行 {column} 列（{label}）：{message}</source>
            <translation>Sheet "{sheet}", row {row}, column {column} ({label}): {message}</translation>
        </message>
        <message>
            <source>工作表“{sheet}” 第 {row} 行（{label}）：{message}</source>
            <translation>Sheet "{sheet}", row {row} ({label}): {message}</translation>
        </message>
        <message>
            <source>工作表“{sheet}” 第 {row} 行：{message}</source>
            <translation>Sheet "{sheet}", row {row}: {message}</translation>
        </message>
        <message>
            <source>工作表“{sheet}”：{message}</source>
            <translation>Sheet "{sheet}": {message}</translation>
        </message>
        <message>
            <source>工作表有合并的单元格（{cells}）：表头和数据都不能合并，请取消合并后再导入</source>
            <translation>The sheet has merged cells ({cells}): neither the header nor the data may be merged; unmerge them and import again</translation>
        </message>
        <message>
            <source>工作表的行数过多（最多 {max} 行），请分成几个文件导入</source>
            <translation>The sheet has too many rows (at most {max}); split it into several files</translation>
        </message>
        <message>
            <source>已关闭投诉的结案日期不能提前或清除（保管期限从结案日期起算），没有改动任何数据。</source>
            <translation>The closing date of a closed complaint cannot be moved earlier or cleared (retention counts from it); nothing was changed.</translation>
        </message>
        <message>
            <source>已有同一客户、产品、生产批号和发货日期的发货记录，跳过</source>
            <translation>A delivery with the same customer, product, batch number and shipping date already exists; skipped</translation>
        </message>
        <message>
            <source>已签字的版本不能删除，没有改动任何数据。</source>
            <translation>A signed revision cannot be deleted; nothing was changed.</translation>
        </message>
        <message>
            <source>应为 1 到 {max} 之间的整数</source>
            <translation>Must be a whole number from 1 to {max}</translation>
        </message>
        <message>
            <source>应为 JSON 对象</source>
            <translation>Must be a JSON object</translation>
        </message>
        <message>
            <source>应为 JSON 对象（一个记录对象或记录数组）</source>
            <translation>Should be a JSON object (one record object or an array of records)</translation>
        </message>
        <message>
            <source>应为 是 或 否</source>
            <translation>Must be true or false</translation>
        </message>
        <message>
            <source>应为一行的字段</source>
            <translation>Must be the fields of one line</translation>
        </message>
        <message>
            <source>应为不超过 {n} 个字符的文字</source>
            <translation>Should be text of at most {n} characters</translation>
        </message>
        <message>
            <source>应为图片对象</source>
            <translation>Must be an image object</translation>
        </message>
        <message>
            <source>应为多行列表</source>
            <translation>Must be a list of lines</translation>
        </message>
        <message>
            <source>应为数字</source>
            <translation>Must be a number</translation>
        </message>
        <message>
            <source>应为整数</source>
            <translation>Must be a whole number</translation>
        </message>
        <message>
            <source>应为文字</source>
            <translation>Must be text</translation>
        </message>
        <message>
            <source>应为记录数组</source>
            <translation>Expected an array of records</translation>
        </message>
        <message>
            <source>应大于 0</source>
            <translation>Must be greater than 0</translation>
        </message>
        <message>
            <source>必填</source>
            <translation>Required</translation>
        </message>
        <message>
            <source>总部</source>
            <translation>Head office</translation>
        </message>
        <message>
            <source>总部发来的图片 {sha} 与其哈希不符</source>
            <translation>Picture {sha} sent by head office does not match its hash</translation>
        </message>
        <message>
            <source>总部同步</source>
            <translation>Head-office sync</translation>
        </message>
        <message>
            <source>总部在本机上次同步之后处理过这条记录（如审批、判定），不能删除</source>
            <translation>Head office has acted on this record since this laptop's last sync (an approval, a determination); it cannot be deleted</translation>
        </message>
        <message>
            <source>总部已把本机的{title}“{name}”（{number}）合并到 {target}，但未能取回总部的档案；下次同步再试</source>
            <translation>Head office merged this laptop's {title} "{name}" ({number}) into {target}, but head office's entry could not be fetched; the next sync tries again</translation>
        </message>
        <message>
            <source>总部已把本机的{title}“{name}”（{number}）合并到 {target}，但本机未能改用总部的档案：{why}</source>
            <translation>Head office merged this laptop's {title} "{name}" ({number}) into {target}, but this laptop could not take head office's entry: {why}</translation>
        </message>
        <message>
            <source>总部已采纳本机的{title}“{name}”（{number}，{who}）</source>
            <translation>Head office accepted this laptop's {title} "{name}" ({number}, {who})</translation>
        </message>
        <message>
            <source>总部拒绝了同步（{status}）：{message}</source>
            <translation>Head office refused the sync ({status}): {message}</translation>
        </message>
        <message>
            <source>总部数据库 {url} 尚未建立：请先运行 aftersales-desk server init --database URL，并用 server add-user 添加用户</source>
            <translation>The head-office database {url} has not been set up: run aftersales-desk server init --database URL first, and add users with server add-user</translation>
        </message>
        <message>
            <source>总部数据库应为 PostgreSQL（postgresql://…）：{url}</source>
            <translation>The head-office database must be PostgreSQL (postgresql://…): {url}</translation>
        </message>
        <message>
            <source>总部有这条记录的冲突待处理</source>
            <translation>Head office has a conflict on this record waiting to be resolved</translation>
        </message>
        <message>
            <source>总部未删除 {number}：{reason}；该记录已从总部取回本机</source>
            <translation>Head office did not delete {number}: {reason}; the record was brought back to this laptop</translation>
        </message>
        <message>
            <source>总部未采纳本机的{title}“{name}”（{number}，{who}）：仍保留在本机，已标为总部未采纳</source>
            <translation>Head office rejected this laptop's {title} "{name}" ({number}, {who}): kept on this laptop, marked as not taken by head office</translation>
        </message>
        <message>
            <source>总部没有笔记本 {code} 的设置（尚未同步），页面按总部的设置重新生成。</source>
            <translation>Head office has no settings of laptop {code} (not synced yet); the pages were rendered again with head office's settings.</translation>
        </message>
        <message>
            <source>总部没有这张图片</source>
            <translation>Head office does not have this picture</translation>
        </message>
        <message>
            <source>总部的回答无法识别</source>
            <translation>Head office's answer cannot be understood</translation>
        </message>
        <message>
            <source>总部的这条记录已不是草稿（状态：{status}），须存档</source>
            <translation>Head office's copy is no longer a draft (status: {status}) and must be kept</translation>
        </message>
        <message>
            <source>恢复失败（{error}），原有数据已放回原处，没有改动</source>
            <translation>The restore failed ({error}); the previous data was put back unchanged</translation>
        </message>
        <message>
            <source>恢复方法：打开程序时按提示从备份恢复，或在命令行运行 aftersales-desk restore 备份文件夹；最近的备份：{path}</source>
            <translation>To restore: open the program and follow its offer to restore from a backup, or run aftersales-desk restore BACKUP-FOLDER; newest backup: {path}</translation>
        </message>
        <message>
            <source>恢复方法：打开程序时按提示选择备份恢复，或在命令行运行 aftersales-desk restore 备份文件夹（在 {folder} 中没有找到备份；若备份设在 U 盘或网络文件夹，请从那里恢复）</source>
            <translation>To restore: open the program and choose a backup when it offers, or run aftersales-desk restore BACKUP-FOLDER (no backup was found in {folder}; if backups go to a USB stick or a network folder, restore from there)</translation>
        </message>
        <message>
            <source>批号 {batch}：发货记录中没有此批号</source>
            <translation>Batch {batch}: not found in the deliveries</translation>
        </message>
        <message>
            <source>批号 {batch}：发货记录（{delivery}）没有有效期</source>
            <translation>Batch {batch}: the delivery ({delivery}) has no expiry date</translation>
        </message>
        <message>
            <source>批号 {batch}：有效期至 {expiry}（未填使用日期，无法判断是否过期）</source>
            <translation>Batch {batch}: expires {expiry} (no date of use given, so it cannot be told whether it had expired)</translation>
        </message>
        <message>
            <source>批号 {batch}：有效期至 {expiry}，使用时（{day}）已过期 {days} 天</source>
            <translation>Batch {batch}: expires {expiry}; {days} day(s) past expiry when used ({day})</translation>
        </message>
        <message>
            <source>批号 {batch}：有效期至 {expiry}，使用时（{day}）未过期</source>
            <translation>Batch {batch}: expires {expiry}; within expiry when used ({day})</translation>
        </message>
        <message>
            <source>批号 {batch}：有效期至 {expiry}，投诉登记时（{day}）已过期 {days} 天</source>
            <translation>Batch {batch}: expires {expiry}; {days} day(s) past expiry when the complaint was registered ({day})</translation>
        </message>
        <message>
            <source>批号 {batch}：有效期至 {expiry}，投诉登记时（{day}）未过期</source>
            <translation>Batch {batch}: expires {expiry}; within expiry when the complaint was registered ({day})</translation>
        </message>
        <message>
            <source>批号 {batch}：有效期至 {expiry}，申请退换货时（{day}）已过期 {days} 天</source>
            <translation>Batch {batch}: expires {expiry}; {days} day(s) past expiry when the return was requested ({day})</translation>
        </message>
        <message>
            <source>批号 {batch}：有效期至 {expiry}，申请退换货时（{day}）未过期</source>
            <translation>Batch {batch}: expires {expiry}; within expiry when the return was requested ({day})</translation>
        </message>
        <message>
            <source>找不到文件：{path}</source>
            <translation>File not found: {path}</translation>
        </message>
        <message>
            <source>投诉处理后回访须记录投诉人的意见</source>
            <translation>A call back after a complaint must record the complainant's opinion</translation>
        </message>
        <message>
            <source>投诉资料须在关闭后保存五年，不能删除（可删除日期：{date}）</source>
            <translation>Complaint records must be kept for five years after closing and cannot be deleted (can be deleted from {date})</translation>
        </message>
        <message>
            <source>投诉资料须在关闭后保存五年，数据库拒绝删除，没有改动任何数据。</source>
            <translation>A complaint's file is kept five years after closing; the database refused the deletion and nothing was changed.</translation>
        </message>
        <message>
            <source>提议：{code}</source>
            <translation>Proposal: {code}</translation>
        </message>
        <message>
            <source>数值 {text} 超出范围</source>
            <translation>The number {text} is out of range</translation>
        </message>
        <message>
            <source>数值过大</source>
            <translation>Number too large</translation>
        </message>
        <message>
            <source>数据库 {path} 有数据表，却没有版本标记，不是本程序能识别的数据库。程序已停止，没有改动它。{hint}</source>
            <translation>Database {path} has tables but no schema stamp: it is not a database this program knows. The program stopped without changing it. {hint}</translation>
        </message>
        <message>
            <source>数据库 {path} 标为版本 {rev}，但结构与该版本不符（{problems}）。程序已停止，没有改动它。{hint}</source>
            <translation>Database {path} is stamped {rev} but its structure does not match that schema ({problems}). The program stopped without changing it. {hint}</translation>
        </message>
        <message>
            <source>数据库 {path} 由更新版本的程序创建（版本 {rev}），本程序无法打开。请升级程序。</source>
            <translation>The database {path} was made by a newer version of the program (version {rev}) and cannot be opened by this one. Please upgrade the program.</translation>
        </message>
        <message>
            <source>数据库升级后外键检查失败，升级未进行：{rows}</source>
            <translation>The foreign-key check after the upgrade failed; the upgrade was not applied: {rows}</translation>
        </message>
        <message>
            <source>数据库地址无效：{url}</source>
            <translation>Invalid database address: {url}</translation>
        </message>
        <message>
            <source>数据库文件 {path} 已损坏（{detail}）。程序已停止，请不要继续使用这个文件。{hint}</source>
            <translation>Database file {path} is damaged ({detail}). The program stopped; do not go on using this file. {hint}</translation>
        </message>
        <message>
            <source>数据库文件 {path} 是空的（0 字节），可能是磁盘故障或复制中断。程序已停止，没有改动它，也不会新建空数据库。{hint}</source>
            <translation>Database file {path} is empty (0 bytes), perhaps from a disk fault or an interrupted copy. The program stopped without changing it and will not make a new empty database. {hint}</translation>
        </message>
        <message>
            <source>数据库文件已损坏，无法读取。请不要继续使用，并从备份恢复（工具 ▸ 备份与恢复）。</source>
            <translation>The database file is damaged and cannot be read. Stop using it and restore from a backup (Tools ▸ Backup and restore).</translation>
        </message>
        <message>
            <source>数据库文件已损坏，本次未保存。请不要继续使用，并从备份恢复（工具 ▸ 备份与恢复）。</source>
            <translation>The database file is damaged: not saved. Stop using it and restore from a backup (Tools ▸ Backup and restore).</translation>
        </message>
        <message>
            <source>数据库未通过完整性检查（{detail}），没有备份它，以免覆盖好的备份。{hint}</source>
            <translation>The database failed its integrity check ({detail}) and was not backed up, so that no good backup is pushed out. {hint}</translation>
        </message>
        <message>
            <source>数据库正被另一个窗口或程序写入，等候后仍未轮到，本次未保存；已保存的记录没有受影响。请稍后重试。</source>
            <translation>Another window or program is writing to the database and did not finish in time: not saved; records saved earlier are unaffected. Please try again shortly.</translation>
        </message>
        <message>
            <source>数据库正被另一个窗口或程序占用，暂时无法读取；数据没有改动。请稍后重试。</source>
            <translation>Another window or program is holding the database: it cannot be read just now; nothing was changed. Please try again shortly.</translation>
        </message>
        <message>
            <source>数据文件夹 {path} 中没有数据库，无法备份</source>
            <translation>There is no database in the data folder {path} to back up</translation>
        </message>
        <message>
            <source>数据文件夹或数据库文件为只读，无法读取；数据没有改动。请检查文件夹权限。</source>
            <translation>The data folder or database file is read-only and cannot be read; nothing was changed. Check the folder's permissions.</translation>
        </message>
        <message>
            <source>数据文件夹或数据库文件为只读，本次未保存；已保存的记录没有受影响。请检查文件夹权限。</source>
            <translation>The data folder or database file is read-only: not saved; records saved earlier are unaffected. Check the folder's permissions.</translation>
        </message>
        <message>
            <source>数据正被另一个窗口或程序使用，未恢复，数据没有改动。请先关闭程序窗口再恢复</source>
            <translation>The data is in use by another window or program: not restored, nothing changed. Close the program window first, then restore</translation>
        </message>
        <message>
            <source>整数位数过多（{digits} 位，最多 {max} 位）</source>
            <translation>Too many digits in an integer ({digits}, at most {max})</translation>
        </message>
        <message>
            <source>文件 {path} 不是同步文件</source>
            <translation>File {path} is not a sync file</translation>
        </message>
        <message>
            <source>文件 {path} 不是总部发给本机（{code}）的同步文件</source>
            <translation>File {path} is not a sync file from head office to this laptop ({code})</translation>
        </message>
        <message>
            <source>文件 {path} 不是本程序的数据库（文件头不符），可能已损坏。程序已停止，没有改动它。{hint}</source>
            <translation>File {path} is not a database of this program (wrong header) and may be damaged. The program stopped without changing it. {hint}</translation>
        </message>
        <message>
            <source>文件 {path} 不是笔记本发往总部的同步文件</source>
            <translation>File {path} is not a sync file from a laptop to head office</translation>
        </message>
        <message>
            <source>文件不是 UTF-8 编码（第 {line} 行，第 {offset} 个字节无法识别）；如为 GBK、Latin-1 等编码，请另存为 UTF-8 后再导入</source>
            <translation>The file is not valid UTF-8 (line {line}, byte {offset}); if it is GBK, Latin-1 or another encoding, save it as UTF-8 and import again</translation>
        </message>
        <message>
            <source>文件中 id 重复</source>
            <translation>Duplicate id in the file</translation>
        </message>
        <message>
            <source>文件中没有可导入的工作表：应有“{sheets}”（请使用本程序生成的导入模板）</source>
            <translation>The file has no sheets to import: expected "{sheets}" (use the import template created by this program)</translation>
        </message>
        <message>
            <source>文件中的版本会替换本机已签字的版本</source>
            <translation>the file's version would replace a version signed on this laptop</translation>
        </message>
        <message>
            <source>文件中的记录过多（最多 {max} 条）</source>
            <translation>Too many records in the file (at most {max})</translation>
        </message>
        <message>
            <source>文件中编号重复</source>
            <translation>Duplicate number in the file</translation>
        </message>
        <message>
            <source>文件名“{name}”会写到文件夹 {folder} 之外，已拒绝</source>
            <translation>The file name "{name}" would be written outside the folder {folder}: refused</translation>
        </message>
        <message>
            <source>文件在由 {signer} 写出并签名之后被改动过（签名与内容不符），不能导入。请让对方重新导出，不要手工修改已签名的导出文件。</source>
            <translation>The file was changed after {signer} wrote and signed it (the signature does not match the content) and cannot be imported. Ask for a new export; do not edit a signed export file by hand.</translation>
        </message>
        <message>
            <source>文件是 UTF-16 或 UTF-32 编码；只接受 UTF-8。请用文本编辑器另存为 UTF-8 后再导入</source>
            <translation>The file is UTF-16 or UTF-32; only UTF-8 is accepted. Save it as UTF-8 in a text editor and import again</translation>
        </message>
        <message>
            <source>文件没有签名，而记录 {records} 带有签字或存档版本：这些只接受由受信任电脑签名的导出文件（无法确认签字不是伪造的）。请在写出它的电脑上用本版本重新导出（dump）。</source>
            <translation>The file is not signed, but records {records} carry signatures or archived revisions: these are accepted only from export files signed by a trusted computer (there is no way to tell the signatures are not forged). Export again (dump) with this version on the computer that wrote it.</translation>
        </message>
        <message>
            <source>文件由 {signer} 签名，但本机不信任这台电脑；记录 {records} 带有签字或存档版本，只接受受信任电脑的文件。如确是本公司的电脑，请把它数据文件夹中的 {cert} 复制到本机的 {where} 后再导入（公钥指纹 {fingerprint}）。</source>
            <translation>The file is signed by {signer}, but this laptop does not trust that computer; records {records} carry signatures or archived revisions, which are accepted only from trusted computers. If it is one of the company's computers, copy {cert} from its data folder into {where} on this laptop and import again (public key fingerprint {fingerprint}).</translation>
        </message>
        <message>
            <source>文件过大（{size} MB，最多 {max} MB）</source>
            <translation>The file is too large ({size} MB, at most {max} MB)</translation>
        </message>
        <message>
            <source>文字过长（{n} 个字符，最多 {max} 个）</source>
            <translation>Text too long ({n} characters, at most {max})</translation>
        </message>
        <message>
            <source>无法写入备份文件夹 {folder}：{error}；没有留下不完整的备份。请检查 U 盘或网络文件夹是否可用、空间是否足够</source>
            <translation>Cannot write to the backup folder {folder}: {error}; no incomplete backup was left. Check that the USB stick or network folder is available and has room</translation>
        </message>
        <message>
            <source>无法打印的字符：{chars}（随附字体中没有这个字，打印出来会缺字；请删除，或改用文字说明）</source>
            <translation>Characters that cannot be printed: {chars} (none of the bundled fonts has them, so they would be missing on paper; delete them or describe them in words)</translation>
        </message>
        <message>
            <source>无法打开总部数据库：{reason}</source>
            <translation>Cannot open the head-office database: {reason}</translation>
        </message>
        <message>
            <source>无法打开数据库 {path}：{error}</source>
            <translation>Cannot open the database {path}: {error}</translation>
        </message>
        <message>
            <source>无法打开数据库文件。请检查数据文件夹是否存在、是否可读。</source>
            <translation>Cannot open the database file. Check that the data folder exists and can be read.</translation>
        </message>
        <message>
            <source>无法打开数据库文件，本次未保存。请检查数据文件夹是否存在、是否可写。</source>
            <translation>Cannot open the database file: not saved. Check that the data folder exists and can be written.</translation>
        </message>
        <message>
            <source>无法读取同步文件 {path}：{error}</source>
            <translation>Cannot read sync file {path}: {error}</translation>
        </message>
        <message>
            <source>无法读取数据库 {path}：{error}。{hint}</source>
            <translation>Cannot read database {path}: {error}. {hint}</translation>
        </message>
        <message>
            <source>无法读取数据库文件 {path}：{error}</source>
            <translation>Cannot read database file {path}: {error}</translation>
        </message>
        <message>
            <source>无法读取文件：不是有效的 Excel 工作簿（.xlsx）（{reason}）</source>
            <translation>Cannot read the file: not a valid Excel workbook (.xlsx) ({reason})</translation>
        </message>
        <message>
            <source>无法读取文件：工作簿中的 {part} 压缩比异常，疑似压缩炸弹</source>
            <translation>Cannot read the file: {part} in the workbook is compressed abnormally (a zip bomb?)</translation>
        </message>
        <message>
            <source>无法读取文件：工作簿的组成部分过多（{n} 个）</source>
            <translation>Cannot read the file: the workbook has too many parts ({n})</translation>
        </message>
        <message>
            <source>无法读取文件：工作簿解压后过大（{size} MB，最多 {max} MB）</source>
            <translation>Cannot read the file: the workbook is too large unpacked ({size} MB, at most {max} MB)</translation>
        </message>
        <message>
            <source>无法连接总部数据库 {url}：{reason}</source>
            <translation>Cannot connect to the head-office database {url}: {reason}</translation>
        </message>
        <message>
            <source>无法连接总部服务器 {url}：{error}</source>
            <translation>Cannot reach the head-office server {url}: {error}</translation>
        </message>
        <message>
            <source>日期无效：{year} 年 {month} 月没有 {day} 日</source>
            <translation>Invalid date: {year}-{month} has no day {day}</translation>
        </message>
        <message>
            <source>日期无效：没有 {month} 月</source>
            <translation>Invalid date: there is no month {month}</translation>
        </message>
        <message>
            <source>日期格式应为 年-月-日，例如 2026-03-15</source>
            <translation>Dates are written YYYY-MM-DD, e.g. 2026-03-15</translation>
        </message>
        <message>
            <source>时间无效：{text}</source>
            <translation>Invalid time: {text}</translation>
        </message>
        <message>
            <source>时间格式应为 时:分，例如 09:30</source>
            <translation>Enter the time as hh:mm, e.g. 09:30</translation>
        </message>
        <message>
            <source>最多 {n} 张</source>
            <translation>At most {n} photos</translation>
        </message>
        <message>
            <source>最多 {n} 行</source>
            <translation>At most {n} lines</translation>
        </message>
        <message>
            <source>最多保留 {places} 位小数</source>
            <translation>At most {places} decimal places</translation>
        </message>
        <message>
            <source>未知用户</source>
            <translation>unknown user</translation>
        </message>
        <message>
            <source>未知的列“{name}”：列名须与导入模板一致</source>
            <translation>Unknown column "{name}": column names must match the import template</translation>
        </message>
        <message>
            <source>未知的字段“{key}”</source>
            <translation>Unknown field "{key}"</translation>
        </message>
        <message>
            <source>未知的角色“{role}”；可用：{known}</source>
            <translation>Unknown role "{role}"; available: {known}</translation>
        </message>
        <message>
            <source>未知的记录类型“{kind}”；可用：{known}</source>
            <translation>Unknown record type "{kind}"; available: {known}</translation>
        </message>
        <message>
            <source>本机 {code} 的令牌已被吊销，同步文件未导入</source>
            <translation>The token of laptop {code} has been revoked; the sync file was not imported</translation>
        </message>
        <message>
            <source>本机与文件各自修改过这条记录</source>
            <translation>this laptop and the file each changed this record</translation>
        </message>
        <message>
            <source>本机代码 {code} 已登记（代码必须唯一）</source>
            <translation>Laptop code {code} is already registered (codes must be unique)</translation>
        </message>
        <message>
            <source>本机代码“{code}”无效：应为 1 至 4 位大写字母或数字</source>
            <translation>Laptop code "{code}" is not valid: it must be 1 to 4 capital letters or digits</translation>
        </message>
        <message>
            <source>本机代码为 1–4 位大写字母或数字，各台电脑不得相同，例如 A3</source>
            <translation>The computer code is 1–4 capital letters or digits, different on every computer, e.g. A3</translation>
        </message>
        <message>
            <source>本机令牌已被总部吊销，请向总部申请新的令牌</source>
            <translation>Head office has revoked this laptop's token; ask head office for a new one</translation>
        </message>
        <message>
            <source>本机令牌无效</source>
            <translation>The laptop token is not valid</translation>
        </message>
        <message>
            <source>本机报告的证书过多，请联系总部管理员</source>
            <translation>This laptop has reported too many certificates; contact head office's administrator</translation>
        </message>
        <message>
            <source>本机的{title}“{name}”（{number}）已由总部合并到 {target}（{who}）：本机改用总部的档案</source>
            <translation>This laptop's {title} "{name}" ({number}) was merged by head office into {target} ({who}): this laptop now uses head office's entry</translation>
        </message>
        <message>
            <source>本机的版本已签字，导入的版本没有保留这些签字，不能用它替换；请保留本机版本</source>
            <translation>This laptop's version is signed and the imported version does not keep those signatures, so it cannot replace it; keep this laptop's version</translation>
        </message>
        <message>
            <source>本机缺少图片 {sha}（photos 文件夹），无法同步；请从备份恢复该图片</source>
            <translation>This laptop lacks picture {sha} (photos folder) and cannot sync; restore the picture from a backup</translation>
        </message>
        <message>
            <source>本机记录已办结，文件中的版本未经重新打开就修改了它</source>
            <translation>the record is closed on this laptop and the file changed it without reopening it</translation>
        </message>
        <message>
            <source>本机证书无效</source>
            <translation>Invalid laptop certificate</translation>
        </message>
        <message>
            <source>本机证书无效：不是 PEM 格式的证书</source>
            <translation>Invalid laptop certificate: not a PEM certificate</translation>
        </message>
        <message>
            <source>本版已在此处签字</source>
            <translation>this block is already signed in this revision</translation>
        </message>
        <message>
            <source>来源记录不能是记录本身</source>
            <translation>A record cannot be its own source</translation>
        </message>
        <message>
            <source>来源记录应含 kind、id、number</source>
            <translation>The source record must have kind, id and number</translation>
        </message>
        <message>
            <source>此类退换货的运输费用由公司承担</source>
            <translation>The company pays the shipping for this kind of return</translation>
        </message>
        <message>
            <source>没有名为“{name}”的{kind}：请在“{sheet}”工作表中填写，或先在程序中建档</source>
            <translation>No {kind} named "{name}": add it on the "{sheet}" sheet, or create it in the program first</translation>
        </message>
        <message>
            <source>没有名为“{name}”的产品：请在“{sheet}”工作表中填写该产品，或填写本行的保质期（月）</source>
            <translation>No product named "{name}": add the product on the "{sheet}" sheet, or fill in the shelf life (months) on this row</translation>
        </message>
        <message>
            <source>没有名为“{name}”的客户：请在“{sheet}”工作表中填写该单位，或先在客户档案中建档</source>
            <translation>No customer named "{name}": add the customer on the "{sheet}" sheet, or add it to the customer register first</translation>
        </message>
        <message>
            <source>没有登记过本机代码 {code}</source>
            <translation>No laptop with code {code} is registered</translation>
        </message>
        <message>
            <source>没有这条提议</source>
            <translation>There is no such proposal</translation>
        </message>
        <message>
            <source>注意：文件没有签名（手工编写或较早版本导出）；其中没有签字或存档版本，按普通记录导入。</source>
            <translation>Note: the file is not signed (written by hand or by an older version); it holds no signatures or archived revisions and is imported as plain records.</translation>
        </message>
        <message>
            <source>注意：文件由不受信任的 {signer} 签名；其中没有签字或存档版本，按普通记录导入。</source>
            <translation>Note: the file is signed by {signer}, which is not trusted; it holds no signatures or archived revisions and is imported as plain records.</translation>
        </message>
        <message>
            <source>版本历史与当前版本不符</source>
            <translation>The version history does not end with the current version</translation>
        </message>
        <message>
            <source>版本历史中标识重复</source>
            <translation>A version appears twice in the version history</translation>
        </message>
        <message>
            <source>版本号应为正整数</source>
            <translation>The version should be a positive whole number</translation>
        </message>
        <message>
            <source>版本标识无效</source>
            <translation>Invalid version tag</translation>
        </message>
        <message>
            <source>版本记录不完整</source>
            <translation>Incomplete version entry</translation>
        </message>
        <message>
            <source>状态记录不完整</source>
            <translation>Incomplete status history</translation>
        </message>
        <message>
            <source>用户“{name}”已存在</source>
            <translation>User "{name}" already exists</translation>
        </message>
        <message>
            <source>用户名应为 1 至 {max} 个字符</source>
            <translation>The user name must be 1 to {max} characters</translation>
        </message>
        <message>
            <source>磁盘已满，无法读取；数据没有改动。请清理磁盘空间后重试。</source>
            <translation>The disk is full: could not read; nothing was changed. Free some disk space and try again.</translation>
        </message>
        <message>
            <source>磁盘已满，本次未保存；已保存的记录没有受影响。请清理磁盘空间后重试。</source>
            <translation>The disk is full: not saved; records saved earlier are unaffected. Free some disk space and try again.</translation>
        </message>
        <message>
            <source>磁盘读写错误，无法读取；数据没有改动。请检查磁盘，或 U 盘是否已拔出。</source>
            <translation>Disk read/write error: could not read; nothing was changed. Check the disk, or whether the USB stick was removed.</translation>
        </message>
        <message>
            <source>磁盘读写错误，本次未保存；已保存的记录没有受影响。请检查磁盘，或 U 盘是否已拔出。</source>
            <translation>Disk read/write error: not saved; records saved earlier are unaffected. Check the disk, or whether the USB stick was removed.</translation>
        </message>
        <message>
            <source>离开时间不能早于到达时间（{time}）</source>
            <translation>Must not be earlier than the arrival time ({time})</translation>
        </message>
        <message>
            <source>笔记本 {code} 的证书（同步时报告）</source>
            <translation>laptop {code}'s certificate (reported at sync)</translation>
        </message>
        <message>
            <source>第 {number} 题是判断题，只能填对（A）或错（B）</source>
            <translation>Question {number} is a true/false question: answer A (true) or B (false)</translation>
        </message>
        <message>
            <source>第 {number} 题没有选项 {letter}</source>
            <translation>Question {number} has no option {letter}</translation>
        </message>
        <message>
            <source>第 {revision} 版缺少之前各版的修订记录（revisions）</source>
            <translation>Revision {revision} comes without the earlier revisions (revisions)</translation>
        </message>
        <message>
            <source>答卷中的“{char}”不是选项字母（A～D，判断题填对或错）</source>
            <translation>"{char}" in the answers is not an option letter (A–D; for true/false questions, A = true, B = false)</translation>
        </message>
        <message>
            <source>答卷有 {n} 个答案，考核共 {total} 题</source>
            <translation>The answers contain {n} answer(s), but the assessment has {total} questions</translation>
        </message>
        <message>
            <source>签到人不在参加人员名单中，请先登记并保存</source>
            <translation>The person signing in is not on the attendee list; add them and save first</translation>
        </message>
        <message>
            <source>签名者不是这条记录所属的笔记本：{number} 属于笔记本 {owner}，文件却由笔记本 {signer} 的证书签名，不能作为原件。</source>
            <translation>The signer is not the laptop this record belongs to: {number} belongs to laptop {owner}, but the file is signed with laptop {signer}'s certificate; it cannot be taken as an original.</translation>
        </message>
        <message>
            <source>签名证书属于笔记本 {code}，该笔记本的令牌已被总部吊销：吊销之后不再信任它签名的文件。</source>
            <translation>The signing certificate belongs to laptop {code}, whose token head office has revoked: files it signs are no longer trusted.</translation>
        </message>
        <message>
            <source>签字不能改写，没有改动任何数据。</source>
            <translation>A signature cannot be rewritten; nothing was changed.</translation>
        </message>
        <message>
            <source>签字与记录内容不符</source>
            <translation>the signature does not match the record's content</translation>
        </message>
        <message>
            <source>签字人姓名过长</source>
            <translation>signer's name is too long</translation>
        </message>
        <message>
            <source>签字的修订号与记录不符</source>
            <translation>the signature's revision does not match the record</translation>
        </message>
        <message>
            <source>签字记录不完整</source>
            <translation>incomplete signature entry</translation>
        </message>
        <message>
            <source>签字身份过长</source>
            <translation>signer's role is too long</translation>
        </message>
        <message>
            <source>结束时间应晚于开始时间（{time}）</source>
            <translation>Must be later than the start time ({time})</translation>
        </message>
        <message>
            <source>编号 {number} 已被另一条记录使用</source>
            <translation>Number {number} is already used by another record</translation>
        </message>
        <message>
            <source>编号 {number} 的前缀 {got} 不是这类记录的（应为 {prefix}）</source>
            <translation>The prefix {got} of number {number} is not this kind's (it should be {prefix})</translation>
        </message>
        <message>
            <source>编号 {number} 的年份 {year} 不合理</source>
            <translation>The year {year} of number {number} is not plausible</translation>
        </message>
        <message>
            <source>编号 {number} 的序号 {seq} 无效（应为 1 到 {max}）</source>
            <translation>The sequence {seq} of number {number} is invalid (1 to {max})</translation>
        </message>
        <message>
            <source>编号 {number} 的本机代号 {laptop} 无效</source>
            <translation>The laptop code {laptop} of number {number} is invalid</translation>
        </message>
        <message>
            <source>编号应为文字，如 {example}</source>
            <translation>The number should be text, e.g. {example}</translation>
        </message>
        <message>
            <source>缺少图片内容（content_base64）</source>
            <translation>Image content missing (content_base64)</translation>
        </message>
        <message>
            <source>缺少必填列“{name}”</source>
            <translation>Required column "{name}" is missing</translation>
        </message>
        <message>
            <source>缺少本机令牌</source>
            <translation>The laptop token is missing</translation>
        </message>
        <message>
            <source>缺少表 {table}</source>
            <translation>table {table} missing</translation>
        </message>
        <message>
            <source>考核题库有误，无法评分：{error}</source>
            <translation>The assessment question bank has an error, so the answers cannot be scored: {error}</translation>
        </message>
        <message>
            <source>至少填写 {n} 行</source>
            <translation>Fill in at least {n} line(s)</translation>
        </message>
        <message>
            <source>表 {table} 缺少列 {column}</source>
            <translation>table {table} lacks column {column}</translation>
        </message>
        <message>
            <source>计算字段按本机重新计算，与文件不同</source>
            <translation>computed fields were worked out again on this laptop and differ from the file</translation>
        </message>
        <message>
            <source>记录 #{index} {number} 属于 {owner}，本机（{code}）不能写入</source>
            <translation>Record #{index} {number} belongs to {owner}; this laptop ({code}) may not write it</translation>
        </message>
        <message>
            <source>记录 #{index} {number}：{note}；已签字的版本原样保留</source>
            <translation>Record #{index} {number}: {note}; the signed revision is kept as it was</translation>
        </message>
        <message>
            <source>记录 #{index} {number}：{reason}，已保留为冲突待处理，本机记录未改动</source>
            <translation>Record #{index} {number}: {reason}; kept as a conflict to resolve, the record on this laptop is unchanged</translation>
        </message>
        <message>
            <source>记录 #{index} {number}：文件中是较旧的版本，本机记录未改动</source>
            <translation>Record #{index} {number}: the file holds an older version; the record on this laptop is unchanged</translation>
        </message>
        <message>
            <source>记录 #{index}：应为 JSON 对象</source>
            <translation>Record #{index}: expected a JSON object</translation>
        </message>
        <message>
            <source>记录 #{index}：未知的记录类型“{kind}”</source>
            <translation>Record #{index}: unknown record kind "{kind}"</translation>
        </message>
        <message>
            <source>记录 #{index}：编号“{number}”不是本机代码 {code} 的编号</source>
            <translation>Record #{index}: number "{number}" is not a number of laptop code {code}</translation>
        </message>
        <message>
            <source>记录 #{index}：缺少有效的 id</source>
            <translation>Record #{index}: a valid id is missing</translation>
        </message>
        <message>
            <source>记录 {number} 在总部属于 {owner}，本机（{code}）不能写入</source>
            <translation>At head office record {number} belongs to {owner}; this laptop ({code}) may not write it</translation>
        </message>
        <message>
            <source>记录 {number} 的图片 {sha} 不在数据文件夹中（photos 文件夹缺少该文件），未导出；请从备份恢复该图片后重试</source>
            <translation>Picture {sha} of record {number} is not in the data folder (missing from photos); nothing was exported. Restore the picture from a backup and try again</translation>
        </message>
        <message>
            <source>记录内容已改变，请重新打开后再签字</source>
            <translation>the record has changed; reopen it before signing</translation>
        </message>
        <message>
            <source>记录已作废，不能由此新建</source>
            <translation>The record is voided: nothing can be made from it</translation>
        </message>
        <message>
            <source>记录已办结，不能再修改</source>
            <translation>The record is closed and can no longer be changed</translation>
        </message>
        <message>
            <source>记录未通过检查，本批未写入：{first}</source>
            <translation>Records failed the checks; nothing of this batch was written: {first}</translation>
        </message>
        <message>
            <source>设置项 {key} 无效</source>
            <translation>Invalid setting {key}</translation>
        </message>
        <message>
            <source>评分应为 1 到 5 分</source>
            <translation>A score must be from 1 to 5</translation>
        </message>
        <message>
            <source>请先签字</source>
            <translation>please sign first</translation>
        </message>
        <message>
            <source>请填写已通知的销售人员</source>
            <translation>Enter the sales rep who was informed</translation>
        </message>
        <message>
            <source>请填写签字人姓名</source>
            <translation>please enter the signer's name</translation>
        </message>
        <message>
            <source>请填写考核得分或答卷（未参加考核填“缺考”）</source>
            <translation>Enter the score or the answers (for someone who missed the assessment, type "absent" in the answers)</translation>
        </message>
        <message>
            <source>请承诺具体的回电时间</source>
            <translation>Promise a specific call-back time</translation>
        </message>
        <message>
            <source>请求应为含 {key} 的 JSON 对象</source>
            <translation>The request must be a JSON object with {key}</translation>
        </message>
        <message>
            <source>请求过大（最多 {max} MB）</source>
            <translation>Request too large (at most {max} MB)</translation>
        </message>
        <message>
            <source>请登记参加人员</source>
            <translation>Enter the attendees</translation>
        </message>
        <message>
            <source>费用由公司承担时，客户承担金额应为空或 0</source>
            <translation>When the company bears the costs, the amount borne by the customer must be empty or 0</translation>
        </message>
        <message>
            <source>这一步只能填写：{keys}（不能填写 {unknown}）</source>
            <translation>This step may fill only: {keys} (not {unknown})</translation>
        </message>
        <message>
            <source>这条冲突已处理过</source>
            <translation>This conflict has already been resolved</translation>
        </message>
        <message>
            <source>这条提议已处理（{status}）</source>
            <translation>This proposal has been decided already ({status})</translation>
        </message>
        <message>
            <source>这条记录已有签字，须存档</source>
            <translation>This record is signed and must be kept</translation>
        </message>
        <message>
            <source>这条记录有存档的签字版本，须存档</source>
            <translation>This record has archived signed revisions and must be kept</translation>
        </message>
        <message>
            <source>难以界定的，须退回公司质量部门鉴定后，按鉴定结论界定</source>
            <translation>If it cannot be determined, refer it to the company quality department and determine it by their findings</translation>
        </message>
        <message>
            <source>驳回须审批意见为“不同意”</source>
            <translation>Rejecting requires the approval decision "Not approved"</translation>
        </message>
        <message>
            <source>验收问题或属于质量问题的，退换货费用由公司承担（承诺书）</source>
            <translation>For problems found at acceptance or quality problems, the company pays for the return/exchange (commitment letter)</translation>
        </message>
    </context>
    <context>
        <name>reports</name>
        <message>
            <source>1分</source>
            <translation>1 point</translation>
        </message>
        <message>
            <source>2分</source>
            <translation>2 points</translation>
        </message>
        <message>
            <source>3分</source>
            <translation>3 points</translation>
        </message>
        <message>
            <source>4分</source>
            <translation>4 points</translation>
        </message>
        <message>
            <source>5分</source>
            <translation>5 points</translation>
        </message>
        <message>
            <source>上年</source>
            <translation>Last year</translation>
        </message>
        <message>
            <source>上年平均分</source>
            <translation>Last year's average</translation>
        </message>
        <message>
            <source>上年总体满意度平均分</source>
            <translation>Last year's average overall satisfaction</translation>
        </message>
        <message>
            <source>产品在使用过程中出现质量问题</source>
            <translation>Quality problem during use</translation>
        </message>
        <message>
            <source>产品投诉及退换货（前十）</source>
            <translation>Complaints and returns by product (top ten)</translation>
        </message>
        <message>
            <source>产品质量汇总（反馈研发与生产）</source>
            <translation>Quality by product (for R and D and production)</translation>
        </message>
        <message>
            <source>产品验收不合格</source>
            <translation>Rejected at acceptance</translation>
        </message>
        <message>
            <source>产品验收数量不足</source>
            <translation>Short quantity at acceptance</translation>
        </message>
        <message>
            <source>人员</source>
            <translation>Staff member</translation>
        </message>
        <message>
            <source>人员考核</source>
            <translation>Staff assessment</translation>
        </message>
        <message>
            <source>件数</source>
            <translation>Count</translation>
        </message>
        <message>
            <source>份数</source>
            <translation>Surveys</translation>
        </message>
        <message>
            <source>低分项目</source>
            <translation>Low scores</translation>
        </message>
        <message>
            <source>低分（1–2 分）及跟进</source>
            <translation>Low scores (1–2) and follow-up</translation>
        </message>
        <message>
            <source>保障单</source>
            <translation>Tickets</translation>
        </message>
        <message>
            <source>其中上门走访</source>
            <translation>of which site visits</translation>
        </message>
        <message>
            <source>其中严重投诉</source>
            <translation>of which serious</translation>
        </message>
        <message>
            <source>其中属于质量问题</source>
            <translation>of which quality problems</translation>
        </message>
        <message>
            <source>其他来电</source>
            <translation>Other calls</translation>
        </message>
        <message>
            <source>协商处理</source>
            <translation>Handling agreed</translation>
        </message>
        <message>
            <source>协商处理按时</source>
            <translation>Handling on time</translation>
        </message>
        <message>
            <source>协商处理按时率（%）</source>
            <translation>Handling on time (%)</translation>
        </message>
        <message>
            <source>协商处理未到期</source>
            <translation>Handling not due</translation>
        </message>
        <message>
            <source>协商处理未记录时间</source>
            <translation>Handling time not recorded</translation>
        </message>
        <message>
            <source>协商处理超时</source>
            <translation>Handling late</translation>
        </message>
        <message>
            <source>单位</source>
            <translation>Unit</translation>
        </message>
        <message>
            <source>发放调查表</source>
            <translation>Surveys issued</translation>
        </message>
        <message>
            <source>发货单位</source>
            <translation>Delivered to</translation>
        </message>
        <message>
            <source>发货次数</source>
            <translation>Deliveries</translation>
        </message>
        <message>
            <source>受理投诉</source>
            <translation>Complaints received</translation>
        </message>
        <message>
            <source>另有 {n} 件未列出，见“月末未结事项”</source>
            <translation>{n} more not listed: see "Open at month end"</translation>
        </message>
        <message>
            <source>召回预警批次</source>
            <translation>Recall-signal batches</translation>
        </message>
        <message>
            <source>召回预警：近十二个月投诉或退换货超过一次的批次</source>
            <translation>Recall signal: batches with more than one complaint or return in twelve months</translation>
        </message>
        <message>
            <source>各项平均分（本年与上年）</source>
            <translation>Average per item (this year and last)</translation>
        </message>
        <message>
            <source>各项评分</source>
            <translation>Scores per item</translation>
        </message>
        <message>
            <source>含低分的调查</source>
            <translation>Surveys with a low score</translation>
        </message>
        <message>
            <source>售后服务人员考核</source>
            <translation>Service staff assessment</translation>
        </message>
        <message>
            <source>售后服务响应时间执行情况</source>
            <translation>Response-time compliance</translation>
        </message>
        <message>
            <source>回收率（%）</source>
            <translation>Return rate (%)</translation>
        </message>
        <message>
            <source>回访按时率（%）</source>
            <translation>Follow-ups on time (%)</translation>
        </message>
        <message>
            <source>在册客户（合作中）</source>
            <translation>Customers on file (active)</translation>
        </message>
        <message>
            <source>培训状态</source>
            <translation>Training</translation>
        </message>
        <message>
            <source>处理投诉</source>
            <translation>Complaints handled</translation>
        </message>
        <message>
            <source>完成质量界定</source>
            <translation>Quality determinations made</translation>
        </message>
        <message>
            <source>实际时间</source>
            <translation>Actual time</translation>
        </message>
        <message>
            <source>客户名称</source>
            <translation>Customer</translation>
        </message>
        <message>
            <source>客户承担金额合计（元）</source>
            <translation>Customer's share, total (yuan)</translation>
        </message>
        <message>
            <source>尚无跟进记录</source>
            <translation>No follow-up yet</translation>
        </message>
        <message>
            <source>尚未做年度调查的客户</source>
            <translation>Customers not yet surveyed this year</translation>
        </message>
        <message>
            <source>尚未完成</source>
            <translation>Not done yet</translation>
        </message>
        <message>
            <source>尚未界定</source>
            <translation>Not determined yet</translation>
        </message>
        <message>
            <source>尚未调查的客户</source>
            <translation>Customers not yet surveyed</translation>
        </message>
        <message>
            <source>已做年度调查的客户</source>
            <translation>Customers surveyed this year</translation>
        </message>
        <message>
            <source>已回收</source>
            <translation>Returned</translation>
        </message>
        <message>
            <source>已过天数</source>
            <translation>Days open</translation>
        </message>
        <message>
            <source>平均分</source>
            <translation>Average</translation>
        </message>
        <message>
            <source>平均已过天数</source>
            <translation>Average days open</translation>
        </message>
        <message>
            <source>年份“{text}”无效，应写成四位数字，例如 2026</source>
            <translation>Year "{text}" is not valid: write four digits, e.g. 2026</translation>
        </message>
        <message>
            <source>年度调查覆盖率（%）</source>
            <translation>Yearly survey coverage (%)</translation>
        </message>
        <message>
            <source>年度顾客满意度调查分析</source>
            <translation>Yearly customer satisfaction survey</translation>
        </message>
        <message>
            <source>应回访</source>
            <translation>Follow-ups due</translation>
        </message>
        <message>
            <source>总体满意度分布</source>
            <translation>Overall satisfaction distribution</translation>
        </message>
        <message>
            <source>总体满意度平均分</source>
            <translation>Average overall satisfaction</translation>
        </message>
        <message>
            <source>承诺处理（小时）</source>
            <translation>Handling promised (hours)</translation>
        </message>
        <message>
            <source>承诺电话响应（小时）</source>
            <translation>Phone response promised (hours)</translation>
        </message>
        <message>
            <source>投诉</source>
            <translation>Complaints</translation>
        </message>
        <message>
            <source>按产品</source>
            <translation>By product</translation>
        </message>
        <message>
            <source>按人员</source>
            <translation>By staff member</translation>
        </message>
        <message>
            <source>按投诉单位</source>
            <translation>By complaining unit</translation>
        </message>
        <message>
            <source>按投诉性质</source>
            <translation>By severity</translation>
        </message>
        <message>
            <source>按投诉类别</source>
            <translation>By category</translation>
        </message>
        <message>
            <source>按时与超时（按服务内容）</source>
            <translation>On time and late (by service)</translation>
        </message>
        <message>
            <source>按时回访</source>
            <translation>Follow-ups on time</translation>
        </message>
        <message>
            <source>按时完成</source>
            <translation>On time</translation>
        </message>
        <message>
            <source>按时率（%）</source>
            <translation>On time (%)</translation>
        </message>
        <message>
            <source>按时率（按月份）</source>
            <translation>On-time rate (by month)</translation>
        </message>
        <message>
            <source>按月份</source>
            <translation>By month</translation>
        </message>
        <message>
            <source>按服务人员（服务后调查）</source>
            <translation>By service staff (surveys after a visit)</translation>
        </message>
        <message>
            <source>按服务内容（响应时间表）</source>
            <translation>By service (response-time table)</translation>
        </message>
        <message>
            <source>按生产批号</source>
            <translation>By batch</translation>
        </message>
        <message>
            <source>改进措施</source>
            <translation>Improvement measures</translation>
        </message>
        <message>
            <source>数量</source>
            <translation>Number</translation>
        </message>
        <message>
            <source>无培训记录</source>
            <translation>No training record</translation>
        </message>
        <message>
            <source>日期</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>日期“{text}”无效，应写成 年-月-日，例如 2026-11-01</source>
            <translation>Date "{text}" is not valid: write year-month-day, e.g. 2026-11-01</translation>
        </message>
        <message>
            <source>时限</source>
            <translation>Deadline</translation>
        </message>
        <message>
            <source>时限遵守率与回访按时率（按人员）</source>
            <translation>Deadlines kept and follow-ups on time (by staff member)</translation>
        </message>
        <message>
            <source>时限遵守率（%）</source>
            <translation>Deadlines kept (%)</translation>
        </message>
        <message>
            <source>最长已过天数</source>
            <translation>Longest days open</translation>
        </message>
        <message>
            <source>月份</source>
            <translation>Month</translation>
        </message>
        <message>
            <source>月份“{text}”无效，应写成 年-月，例如 2026-11</source>
            <translation>Month "{text}" is not valid: write year-month, e.g. 2026-11</translation>
        </message>
        <message>
            <source>月度风险事故及投诉分析</source>
            <translation>Monthly incident and complaint analysis</translation>
        </message>
        <message>
            <source>月末未结事项</source>
            <translation>Open at month end</translation>
        </message>
        <message>
            <source>月末未结投诉及退换货</source>
            <translation>Complaints and returns open at month end</translation>
        </message>
        <message>
            <source>服务人员</source>
            <translation>Service staff</translation>
        </message>
        <message>
            <source>服务内容</source>
            <translation>Service</translation>
        </message>
        <message>
            <source>服务报告</source>
            <translation>Service reports</translation>
        </message>
        <message>
            <source>未定</source>
            <translation>Undecided</translation>
        </message>
        <message>
            <source>未经培训合格的人员（须培训合格后方可上岗）</source>
            <translation>Staff without a passed training (required before working)</translation>
        </message>
        <message>
            <source>未结事项明细（按已过天数）</source>
            <translation>Open items (longest open first)</translation>
        </message>
        <message>
            <source>本年</source>
            <translation>This year</translation>
        </message>
        <message>
            <source>本月投诉按类别</source>
            <translation>This month's complaints by category</translation>
        </message>
        <message>
            <source>本月概况</source>
            <translation>This month at a glance</translation>
        </message>
        <message>
            <source>本月质量界定及处理结果</source>
            <translation>This month's quality determinations and resolutions</translation>
        </message>
        <message>
            <source>来电时间</source>
            <translation>Call time</translation>
        </message>
        <message>
            <source>概况</source>
            <translation>Summary</translation>
        </message>
        <message>
            <source>派工保障单</source>
            <translation>Tickets assigned</translation>
        </message>
        <message>
            <source>涉及批次</source>
            <translation>Batches</translation>
        </message>
        <message>
            <source>满意度平均分</source>
            <translation>Average satisfaction</translation>
        </message>
        <message>
            <source>满意度平均分（按人员）</source>
            <translation>Average satisfaction (by staff member)</translation>
        </message>
        <message>
            <source>热线保障单</source>
            <translation>Hotline tickets</translation>
        </message>
        <message>
            <source>热线保障单按问题类型</source>
            <translation>Hotline tickets by issue type</translation>
        </message>
        <message>
            <source>环节</source>
            <translation>Step</translation>
        </message>
        <message>
            <source>电话响应</source>
            <translation>Phone response</translation>
        </message>
        <message>
            <source>电话响应按时</source>
            <translation>Phone response on time</translation>
        </message>
        <message>
            <source>电话响应按时率（%）</source>
            <translation>Phone response on time (%)</translation>
        </message>
        <message>
            <source>电话响应未到期</source>
            <translation>Phone response not due</translation>
        </message>
        <message>
            <source>电话响应未记录时间</source>
            <translation>Phone response time not recorded</translation>
        </message>
        <message>
            <source>电话响应超时</source>
            <translation>Phone response late</translation>
        </message>
        <message>
            <source>类型</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>类型·状态</source>
            <translation>Kind · status</translation>
        </message>
        <message>
            <source>编号</source>
            <translation>Number</translation>
        </message>
        <message>
            <source>评分份数</source>
            <translation>Scored</translation>
        </message>
        <message>
            <source>评分项目</source>
            <translation>Item</translation>
        </message>
        <message>
            <source>调查份数</source>
            <translation>Surveys</translation>
        </message>
        <message>
            <source>质量异议处理意见</source>
            <translation>Handling opinion on a quality objection</translation>
        </message>
        <message>
            <source>费用承担未定</source>
            <translation>Cost bearer undecided</translation>
        </message>
        <message>
            <source>起始日期 {a} 晚于截止日期 {b}</source>
            <translation>Start date {a} is after end date {b}</translation>
        </message>
        <message>
            <source>超出（小时）</source>
            <translation>Over by (hours)</translation>
        </message>
        <message>
            <source>超时</source>
            <translation>Late</translation>
        </message>
        <message>
            <source>超时明细</source>
            <translation>Breaches</translation>
        </message>
        <message>
            <source>跟进措施</source>
            <translation>Follow-up</translation>
        </message>
        <message>
            <source>近十二个月趋势</source>
            <translation>Twelve months' trend</translation>
        </message>
        <message>
            <source>退换货</source>
            <translation>Returns</translation>
        </message>
        <message>
            <source>退换货及费用承担</source>
            <translation>Returns and exchanges, and who bore the cost</translation>
        </message>
        <message>
            <source>退换货申请</source>
            <translation>Return requests</translation>
        </message>
        <message>
            <source>逾期回访</source>
            <translation>Follow-ups late</translation>
        </message>
        <message>
            <source>配送时间</source>
            <translation>Delivery</translation>
        </message>
        <message>
            <source>项目</source>
            <translation>Item</translation>
        </message>
        <message>
            <source>（未派工）</source>
            <translation>(not assigned)</translation>
        </message>
        <message>
            <source>（非服务后调查）</source>
            <translation>(not after a visit)</translation>
        </message>
    </context>
</TS>