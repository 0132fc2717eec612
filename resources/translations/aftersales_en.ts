<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
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
            <source>状态记录</source>
            <translation>Status history</translation>
        </message>
        <message>
            <source>管理者代表审批日期</source>
            <translation>Management rep.'s approval date</translation>
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
            <source>新投诉</source>
            <translation>New complaint</translation>
        </message>
        <message>
            <source>新投诉（未保存）</source>
            <translation>New complaint (not saved)</translation>
        </message>
        <message>
            <source>新建</source>
            <translation>New</translation>
        </message>
        <message>
            <source>此记录已关闭，只能查看和导出 PDF。</source>
            <translation>This record is closed: it can only be viewed and exported to PDF.</translation>
        </message>
        <message>
            <source>转为“{status}”</source>
            <translation>Move to "{status}"</translation>
        </message>
        <message>
            <source>第 {row} 行 {label}：{message}</source>
            <translation>Line {row}, {label}: {message}</translation>
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
            <source>未保存</source>
            <translation>Not saved</translation>
        </message>
        <message>
            <source>已保存为 {number}。</source>
            <translation>Saved as {number}.</translation>
        </message>
        <message>
            <source>已保存。</source>
            <translation>Saved.</translation>
        </message>
        <message>
            <source>将 {number} 从“{a}”转为“{b}”？</source>
            <translation>Move {number} from "{a}" to "{b}"?</translation>
        </message>
        <message>
            <source>表单中的修改会一并保存。</source>
            <translation>Your changes to the form will be saved as well.</translation>
        </message>
        <message>
            <source>无法转换状态</source>
            <translation>Cannot change the status</translation>
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
        <name>MainWindow</name>
        <message>
            <source>消杀药品售后服务台</source>
            <translation>Aftersales Desk</translation>
        </message>
        <message>
            <source>投诉登记簿</source>
            <translation>Complaint register</translation>
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
            <source>新建投诉</source>
            <translation>New complaint</translation>
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
            <source>查找投诉</source>
            <translation>Find complaint</translation>
        </message>
        <message>
            <source>文件(&amp;F)</source>
            <translation>&amp;File</translation>
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
            <source>无法新建</source>
            <translation>Cannot create a complaint</translation>
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
            <source>请先在登记簿中选择一条投诉。</source>
            <translation>Select a complaint in the register first.</translation>
        </message>
        <message>
            <source>共 {n} 条投诉</source>
            <translation>Complaints: {n}</translation>
        </message>
        <message>
            <source>显示 {shown} 条，共 {n} 条投诉</source>
            <translation>Complaints: {shown} of {n} shown</translation>
        </message>
        <message>
            <source>首次使用：请在“工具 → 设置…”中填写公司名称、本机代码和本机使用人。</source>
            <translation>First use: enter the company name, computer code and computer user under "Tools → Settings...".</translation>
        </message>
        <message>
            <source>设置已保存。</source>
            <translation>Settings saved.</translation>
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
        <name>RegisterPage</name>
        <message>
            <source>搜索</source>
            <translation>Search</translation>
        </message>
        <message>
            <source>搜索备案编号、投诉单位、产品或生产批号（多个词用空格隔开）</source>
            <translation>Search by file no., customer, product or batch no. (separate several words with spaces)</translation>
        </message>
        <message>
            <source>新建投诉</source>
            <translation>New complaint</translation>
        </message>
        <message>
            <source>投诉登记簿</source>
            <translation>Complaint register</translation>
        </message>
        <message>
            <source>没有找到符合“{text}”的投诉。</source>
            <translation>No complaints match "{text}".</translation>
        </message>
        <message>
            <source>还没有投诉记录。点“新建投诉”登记第一条。</source>
            <translation>No complaints yet. Click "New complaint" to register the first one.</translation>
        </message>
    </context>
    <context>
        <name>RegisterTableModel</name>
        <message>
            <source>备案编号</source>
            <translation>File No.</translation>
        </message>
        <message>
            <source>登记日期</source>
            <translation>Registered on</translation>
        </message>
        <message>
            <source>投诉单位</source>
            <translation>Customer</translation>
        </message>
        <message>
            <source>产品</source>
            <translation>Product</translation>
        </message>
        <message>
            <source>生产批号</source>
            <translation>Batch No.</translation>
        </message>
        <message>
            <source>投诉类别</source>
            <translation>Category</translation>
        </message>
        <message>
            <source>投诉性质</source>
            <translation>Severity</translation>
        </message>
        <message>
            <source>状态</source>
            <translation>Status</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>印在每张表单的抬头。</source>
            <translation>Printed in the heading of every form.</translation>
        </message>
        <message>
            <source>写进本机生成的每个备案编号（如 TS-2026-A3-0007）。每台电脑必须使用不同的代码，否则两台电脑的编号会重复：请向总部领取。1–4 位大写字母或数字。</source>
            <translation>Part of every file number created on this computer (e.g. TS-2026-A3-0007). Each computer must use a different code, otherwise two computers would issue the same numbers: ask head office for one. 1–4 capital letters or digits.</translation>
        </message>
        <message>
            <source>新建投诉时自动填为受理人。</source>
            <translation>Filled in as "Received by" on new complaints.</translation>
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
            <source>未保存</source>
            <translation>Not saved</translation>
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
        <name>app</name>
        <message>
            <source>消杀药品售后服务台</source>
            <translation>Aftersales Desk</translation>
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
        <name>fields</name>
        <message>
            <source>一般投诉</source>
            <translation>General complaint</translation>
        </message>
        <message>
            <source>上门</source>
            <translation>In person</translation>
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
            <source>严重投诉</source>
            <translation>Serious complaint</translation>
        </message>
        <message>
            <source>产品名称</source>
            <translation>Product name</translation>
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
            <source>使用中质量问题</source>
            <translation>Quality problem in use</translation>
        </message>
        <message>
            <source>修改后同意</source>
            <translation>Approved with changes</translation>
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
            <source>公司承担</source>
            <translation>Company</translation>
        </message>
        <message>
            <source>公司质量部门</source>
            <translation>Company quality department</translation>
        </message>
        <message>
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>关闭日期</source>
            <translation>Closing date</translation>
        </message>
        <message>
            <source>其他</source>
            <translation>Other</translation>
        </message>
        <message>
            <source>包装形式</source>
            <translation>Packaging</translation>
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
            <source>单位</source>
            <translation>Unit</translation>
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
            <source>受理人</source>
            <translation>Received by</translation>
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
            <source>售后服务电话</source>
            <translation>After-sales phone</translation>
        </message>
        <message>
            <source>回访日期</source>
            <translation>Follow-up date</translation>
        </message>
        <message>
            <source>回访结果</source>
            <translation>Follow-up result</translation>
        </message>
        <message>
            <source>地址</source>
            <translation>Address</translation>
        </message>
        <message>
            <source>处理中</source>
            <translation>Being handled</translation>
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
            <source>备案编号</source>
            <translation>File No.</translation>
        </message>
        <message>
            <source>完成回访</source>
            <translation>Complete follow-up</translation>
        </message>
        <message>
            <source>完成质量界定</source>
            <translation>Complete quality determination</translation>
        </message>
        <message>
            <source>审批</source>
            <translation>Approval</translation>
        </message>
        <message>
            <source>审批意见说明</source>
            <translation>Approval remarks</translation>
        </message>
        <message>
            <source>审批通过，开始处理</source>
            <translation>Approve and start handling</translation>
        </message>
        <message>
            <source>客户承担</source>
            <translation>Customer</translation>
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
            <source>客户自行承担</source>
            <translation>Borne by customer</translation>
        </message>
        <message>
            <source>属于质量问题</source>
            <translation>Quality problem</translation>
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
            <source>已告知对界定有异议可向国家有关部门投诉</source>
            <translation>Told that objections to the determination can be raised with the relevant state authorities</translation>
        </message>
        <message>
            <source>已回访</source>
            <translation>Follow-up done</translation>
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
            <source>开始调查</source>
            <translation>Start investigation</translation>
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
            <source>投诉人</source>
            <translation>Complainant</translation>
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
            <source>投诉类别</source>
            <translation>Category</translation>
        </message>
        <message>
            <source>投诉量</source>
            <translation>Quantity</translation>
        </message>
        <message>
            <source>支</source>
            <translation>tube</translation>
        </message>
        <message>
            <source>改进措施</source>
            <translation>Improvement measures</translation>
        </message>
        <message>
            <source>服务投诉</source>
            <translation>Service complaint</translation>
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
            <source>桶</source>
            <translation>drum</translation>
        </message>
        <message>
            <source>桶装</source>
            <translation>Drum</translation>
        </message>
        <message>
            <source>状态</source>
            <translation>Status</translation>
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
            <source>生产批号</source>
            <translation>Batch No.</translation>
        </message>
        <message>
            <source>电话</source>
            <translation>Phone</translation>
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
            <source>界定日期</source>
            <translation>Determination date</translation>
        </message>
        <message>
            <source>登记日期</source>
            <translation>Registration date</translation>
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
            <source>联系电话</source>
            <translation>Contact phone</translation>
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
            <source>调查中</source>
            <translation>Under investigation</translation>
        </message>
        <message>
            <source>调查人员</source>
            <translation>Investigator</translation>
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
            <source>调查日期</source>
            <translation>Investigation date</translation>
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
            <source>费用承担</source>
            <translation>Costs borne by</translation>
        </message>
        <message>
            <source>运输费用由公司承担</source>
            <translation>Shipping costs borne by the company</translation>
        </message>
        <message>
            <source>退回重新调查</source>
            <translation>Return for re-investigation</translation>
        </message>
        <message>
            <source>退货退款</source>
            <translation>Return and refund</translation>
        </message>
        <message>
            <source>邮件</source>
            <translation>Email</translation>
        </message>
        <message>
            <source>难以界定（退回公司质量部门鉴定）</source>
            <translation>Undetermined (referred to company quality department)</translation>
        </message>
        <message>
            <source>验收不合格</source>
            <translation>Failed incoming inspection</translation>
        </message>
        <message>
            <source>验收数量不足</source>
            <translation>Short quantity on receipt</translation>
        </message>
    </context>
    <context>
        <name>messages</name>
        <message>
            <source>id 应为 UUID</source>
            <translation>id must be a UUID</translation>
        </message>
        <message>
            <source>{product} 等 {n} 项</source>
            <translation>{product} and others ({n} items)</translation>
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
            <source>不是有效的电话号码：手机号为 11 位（1 开头），座机请带区号，如 010-12345678</source>
            <translation>Not a valid phone number: a mobile number has 11 digits starting with 1; give a landline with its area code, e.g. 010-12345678</translation>
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
            <source>不能晚于今天（{today}）</source>
            <translation>Must not be later than today ({today})</translation>
        </message>
        <message>
            <source>反馈时须告知投诉人：对界定有异议可向国家有关部门投诉</source>
            <translation>When giving feedback, tell the complainant that objections to the determination can be raised with the relevant state authorities</translation>
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
            <source>图片文件缺失：{name}</source>
            <translation>Image file missing: {name}</translation>
        </message>
        <message>
            <source>太长：最多 {limit} 个字，现有 {count} 个字</source>
            <translation>Too long: at most {limit} characters, now {count}</translation>
        </message>
        <message>
            <source>审批未同意，不能进入处理</source>
            <translation>Not approved: handling cannot start</translation>
        </message>
        <message>
            <source>导入</source>
            <translation>Imported</translation>
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
            <source>应为 JSON 对象</source>
            <translation>Must be a JSON object</translation>
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
            <source>应大于 0</source>
            <translation>Must be greater than 0</translation>
        </message>
        <message>
            <source>必填</source>
            <translation>Required</translation>
        </message>
        <message>
            <source>投诉资料须在关闭后保存五年，不能删除（可删除日期：{date}）</source>
            <translation>Complaint records must be kept for five years after closing and cannot be deleted (can be deleted from {date})</translation>
        </message>
        <message>
            <source>数值过大</source>
            <translation>Number too large</translation>
        </message>
        <message>
            <source>文件中 id 重复</source>
            <translation>Duplicate id in the file</translation>
        </message>
        <message>
            <source>文件中编号重复</source>
            <translation>Duplicate number in the file</translation>
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
            <source>未知的字段“{key}”</source>
            <translation>Unknown field "{key}"</translation>
        </message>
        <message>
            <source>未知的记录类型“{kind}”；可用：{known}</source>
            <translation>Unknown record type "{kind}"; available: {known}</translation>
        </message>
        <message>
            <source>本机代码为 1–4 位大写字母或数字，各台电脑不得相同，例如 A3</source>
            <translation>The computer code is 1–4 capital letters or digits, different on every computer, e.g. A3</translation>
        </message>
        <message>
            <source>状态记录不完整</source>
            <translation>Incomplete status history</translation>
        </message>
        <message>
            <source>编号 {number} 已被另一条记录使用</source>
            <translation>Number {number} is already used by another record</translation>
        </message>
        <message>
            <source>缺少图片内容（content_base64）</source>
            <translation>Image content missing (content_base64)</translation>
        </message>
        <message>
            <source>至少填写 {n} 行</source>
            <translation>Fill in at least {n} line(s)</translation>
        </message>
        <message>
            <source>记录已关闭，不能再修改</source>
            <translation>The record is closed and can no longer be changed</translation>
        </message>
        <message>
            <source>费用由公司承担时，客户承担金额应为空或 0</source>
            <translation>When the company bears the costs, the amount borne by the customer must be empty or 0</translation>
        </message>
        <message>
            <source>难以界定的，须退回公司质量部门鉴定后，按鉴定结论界定</source>
            <translation>If it cannot be determined, refer it to the company quality department and determine it by their findings</translation>
        </message>
    </context>
</TS>