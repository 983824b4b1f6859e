<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CsvPicker</name>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV 文件 (*.csv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>No file opened.</source>
        <translation>未打开文件。</translation>
    </message>
    <message>
        <source>Open CSV</source>
        <translation>打开 CSV</translation>
    </message>
    <message>
        <source>Open CSV…</source>
        <translation>打开 CSV…</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>The CSV file that was read.</source>
        <translation>已读取的 CSV 文件。</translation>
    </message>
    <message>
        <source>This column has cells that are not numbers (names, dates…).</source>
        <translation>这一列有非数字的单元格（名称、日期等）。</translation>
    </message>
    <message>
        <source>Use these columns</source>
        <translation>使用这些列</translation>
    </message>
    <message>
        <source>{name}: {rows} rows, {columns} columns</source>
        <translation>{name}：{rows} 行，{columns} 列</translation>
    </message>
</context>
<context>
    <name>Desktop</name>
    <message>
        <source>--install-desktop is for Linux desktops; this is {platform}. On other systems open lessons with carrot-gui FILE.carrot.</source>
        <translation>--install-desktop 只适用于 Linux 桌面；当前系统是 {platform}。在其他系统上请用 carrot-gui 文件.carrot 打开课程。</translation>
    </message>
    <message>
        <source>Lessons (*.carrot) now open with PyCarrot.</source>
        <translation>课程文件（*.carrot）现在会用 PyCarrot 打开。</translation>
    </message>
    <message>
        <source>cannot write {path}: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
    <message>
        <source>ran {tool} {folder}</source>
        <translation>已运行 {tool} {folder}</translation>
    </message>
    <message>
        <source>wrote {path}</source>
        <translation>已写入 {path}</translation>
    </message>
    <message>
        <source>{tool} failed ({reason}); the files are in place</source>
        <translation>{tool} 运行失败（{reason}）；文件已就位</translation>
    </message>
    <message>
        <source>{tool} is not installed: the desktop picks the files up at its next start</source>
        <translation>未安装 {tool}：桌面环境会在下次启动时读取这些文件</translation>
    </message>
</context>
<context>
    <name>Engine</name>
    <message>
        <source> (write {number} * {name})</source>
        <translation>（应写作 {number} * {name}）</translation>
    </message>
    <message>
        <source> and {count} more</source>
        <translation> 等另外 {count} 个</translation>
    </message>
    <message>
        <source>&apos;%&apos; is not supported</source>
        <translation>不支持 &apos;%&apos;</translation>
    </message>
    <message>
        <source>&apos;//&apos; (floor division) is not supported: use /</source>
        <translation>不支持 &apos;//&apos;（整除）：请使用 /</translation>
    </message>
    <message>
        <source>&apos;;&apos;</source>
        <translation>&apos;;&apos;</translation>
    </message>
    <message>
        <source>&apos;^&apos; is not a power: write x ** 2</source>
        <translation>&apos;^&apos; 不是乘方：请写作 x ** 2</translation>
    </message>
    <message>
        <source>&apos;{&apos; is not allowed: vectors are written [1, 2, 3]</source>
        <translation>不允许使用 &apos;{&apos;：向量写作 [1, 2, 3]</translation>
    </message>
    <message>
        <source>&apos;{name} = {other}&apos; would only give &apos;{other}&apos; a second name: use &apos;{other}&apos; itself (each name is one node)</source>
        <translation>&apos;{name} = {other}&apos; 只是给 &apos;{other}&apos; 起了第二个名字：请直接使用 &apos;{other}&apos;（每个名字对应一个节点）</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is a function: call it as {call}</source>
        <translation>&apos;{name}&apos; 是函数：请这样调用 {call}</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is a value, not a function</source>
        <translation>&apos;{name}&apos; 是一个值，不是函数</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is already defined {how}{extra}</source>
        <translation>&apos;{name}&apos; 已经{how}定义过了{extra}</translation>
    </message>
    <message>
        <source>&apos;{token}&apos;</source>
        <translation>&apos;{token}&apos;</translation>
    </message>
    <message>
        <source>&apos;{token}&apos; is never closed</source>
        <translation>&apos;{token}&apos; 没有闭合</translation>
    </message>
    <message>
        <source>&apos;{word}&apos; is a Python keyword: only assignments and expressions are allowed</source>
        <translation>&apos;{word}&apos; 是 Python 关键字：这里只允许赋值语句和表达式</translation>
    </message>
    <message>
        <source>&apos;{word}&apos; is not a number</source>
        <translation>&apos;{word}&apos; 不是数字</translation>
    </message>
    <message>
        <source>&apos;{word}&apos; statements are not allowed: only assignments and expressions</source>
        <translation>不允许使用 &apos;{word}&apos; 语句：只允许赋值语句和表达式</translation>
    </message>
    <message>
        <source>&apos;}&apos; is not allowed</source>
        <translation>不允许使用 &apos;}&apos;</translation>
    </message>
    <message>
        <source>: give the final expression a name (name = ...)</source>
        <translation>：请给最后的表达式起个名字（name = ...）</translation>
    </message>
    <message>
        <source>a statement must fit on one line</source>
        <translation>一条语句必须写在一行内</translation>
    </message>
    <message>
        <source>an empty list [] has no value</source>
        <translation>空列表 [] 没有值</translation>
    </message>
    <message>
        <source>argmax: {reason} (input of shape {shape})</source>
        <translation>argmax：{reason}（输入形状为 {shape}）</translation>
    </message>
    <message>
        <source>as a keyword value</source>
        <translation>作为关键字参数</translation>
    </message>
    <message>
        <source>attribute access is not allowed</source>
        <translation>不允许访问属性</translation>
    </message>
    <message>
        <source>cannot apply &apos;{op}&apos;: {reason}</source>
        <translation>无法执行 &apos;{op}&apos;：{reason}</translation>
    </message>
    <message>
        <source>cannot assign to &apos;{name}&apos;: it is a function name</source>
        <translation>不能给 &apos;{name}&apos; 赋值：它是函数名</translation>
    </message>
    <message>
        <source>clamp: give min, max or both</source>
        <translation>clamp：请给出 min、max 或两者</translation>
    </message>
    <message>
        <source>comparisons are not supported</source>
        <translation>不支持比较运算</translation>
    </message>
    <message>
        <source>defined so far: none yet</source>
        <translation>目前已定义：还没有</translation>
    </message>
    <message>
        <source>defined so far: {names}{more}</source>
        <translation>目前已定义：{names}{more}</translation>
    </message>
    <message>
        <source>did you mean {a} or {b} or {c}?</source>
        <translation>你是不是想写 {a}、{b} 或 {c}？</translation>
    </message>
    <message>
        <source>did you mean {a} or {b}?</source>
        <translation>你是不是想写 {a} 或 {b}？</translation>
    </message>
    <message>
        <source>did you mean {a}?</source>
        <translation>你是不是想写 {a}？</translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;]&apos; in the list, found {found}</source>
        <translation>列表中应为 &apos;,&apos; 或 &apos;]&apos;，却遇到了{found}</translation>
    </message>
    <message>
        <source>expected a number, name or &apos;(&apos; before {found}</source>
        <translation>在{found}之前应为数字、名字或 &apos;(&apos;</translation>
    </message>
    <message>
        <source>expected a number, name or &apos;(&apos;, found {found}</source>
        <translation>应为数字、名字或 &apos;(&apos;，却遇到了{found}</translation>
    </message>
    <message>
        <source>expected an operator before &apos;(&apos; (write {token} * (...))</source>
        <translation>&apos;(&apos; 前面应有运算符（应写作 {token} * (...)）</translation>
    </message>
    <message>
        <source>expected an operator or &apos;{closer}&apos; to close the &apos;{opener}&apos; of line {line}, column {col}, found {found}</source>
        <translation>应为运算符，或用 &apos;{closer}&apos; 闭合第 {line} 行第 {col} 列的 &apos;{opener}&apos;，却遇到了{found}</translation>
    </message>
    <message>
        <source>expected an operator, &apos;;&apos; or a new line after {before}, found {found}{hint}</source>
        <translation>在{before}之后应为运算符、&apos;;&apos; 或换行，却遇到了{found}{hint}</translation>
    </message>
    <message>
        <source>gelu: approximate must be &apos;none&apos; or &apos;tanh&apos;, got {got}</source>
        <translation>gelu：approximate 只能是 &apos;none&apos; 或 &apos;tanh&apos;，收到的是 {got}</translation>
    </message>
    <message>
        <source>index {index} does not fit shape {shape}: {reason}</source>
        <translation>索引 {index} 与形状 {shape} 不符：{reason}</translation>
    </message>
    <message>
        <source>indexing with [...] is not supported</source>
        <translation>不支持用 [...] 取下标</translation>
    </message>
    <message>
        <source>line {line}, column {col}: {message}</source>
        <translation>第 {line} 行，第 {col} 列：{message}</translation>
    </message>
    <message>
        <source>list elements must be numbers or lists of numbers, found {found}</source>
        <translation>列表元素必须是数字或由数字组成的列表，却遇到了{found}</translation>
    </message>
    <message>
        <source>matmul: operands must have at least one dimension, got shapes {a} and {b}</source>
        <translation>matmul：操作数至少要有一个维度，得到的形状是 {a} 和 {b}</translation>
    </message>
    <message>
        <source>matmul: shapes {a} and {b} do not fit: the last axis of the first ({m}) must equal the only axis of the second ({n})</source>
        <translation>matmul：形状 {a} 和 {b} 不匹配：第一个的最后一维（{m}）必须等于第二个唯一的一维（{n}）</translation>
    </message>
    <message>
        <source>matmul: shapes {a} and {b} do not fit: the last axis of the first ({m}) must equal the second-to-last axis of the second ({n})</source>
        <translation>matmul：形状 {a} 和 {b} 不匹配：第一个的最后一维（{m}）必须等于第二个的倒数第二维（{n}）</translation>
    </message>
    <message>
        <source>matmul: the batch dimensions {ba} of {sa} and {bb} of {sb} cannot be broadcast together (the last two axes are the matrices)</source>
        <translation>matmul：{sa} 的批维度 {ba} 与 {sb} 的批维度 {bb} 无法广播（最后两个轴是矩阵）</translation>
    </message>
    <message>
        <source>name &apos;{name}&apos;</source>
        <translation>名字 &apos;{name}&apos;</translation>
    </message>
    <message>
        <source>number {number}</source>
        <translation>数字 {number}</translation>
    </message>
    <message>
        <source>on line {line}</source>
        <translation>在第 {line} 行</translation>
    </message>
    <message>
        <source>only the last statement may be a bare expression: give this one a name (name = ...)</source>
        <translation>只有最后一条语句可以是单独的表达式：请给这一条起个名字（name = ...）</translation>
    </message>
    <message>
        <source>reshape: cannot reshape {shape} ({size} elements) into {target}</source>
        <translation>reshape：无法把形状 {shape}（{size} 个元素）变为 {target}</translation>
    </message>
    <message>
        <source>start_dim {start} comes after end_dim {end}</source>
        <translation>start_dim {start} 在 end_dim {end} 之后</translation>
    </message>
    <message>
        <source>strings are not allowed</source>
        <translation>不允许使用字符串</translation>
    </message>
    <message>
        <source>the axis of {name}() must be a whole number such as 0 or -1</source>
        <translation>{name}() 的 axis 必须是整数，例如 0 或 -1</translation>
    </message>
    <message>
        <source>the end of the input</source>
        <translation>输入的末尾</translation>
    </message>
    <message>
        <source>the end of the line</source>
        <translation>行尾</translation>
    </message>
    <message>
        <source>the expression is empty: write at least one statement, e.g. z = x * y</source>
        <translation>表达式为空：请至少写一条语句，例如 z = x * y</translation>
    </message>
    <message>
        <source>the expression is nested too deeply (more than {levels} levels)</source>
        <translation>表达式嵌套太深（超过 {levels} 层）</translation>
    </message>
    <message>
        <source>the expression is nested too deeply for the space left</source>
        <translation>表达式嵌套太深，剩余空间不足</translation>
    </message>
    <message>
        <source>the rows of this list have different lengths</source>
        <translation>这个列表的各行长度不同</translation>
    </message>
    <message>
        <source>the source is too long ({length} characters; at most {limit})</source>
        <translation>源代码太长（{length} 个字符；最多 {limit} 个）</translation>
    </message>
    <message>
        <source>the {param} of {name}() must be a number such as 0.1</source>
        <translation>{name}() 的 {param} 必须是数字，例如 0.1</translation>
    </message>
    <message>
        <source>this list cannot be an array: {reason}</source>
        <translation>这个列表无法转换为数组：{reason}</translation>
    </message>
    <message>
        <source>transpose: axes {axes} do not fit shape {shape}</source>
        <translation>transpose：轴 {axes} 与形状 {shape} 不符</translation>
    </message>
    <message>
        <source>unexpected &apos;=&apos;: only a name can be assigned to (name = expression)</source>
        <translation>意外的 &apos;=&apos;：只能给名字赋值（name = expression）</translation>
    </message>
    <message>
        <source>unexpected character {char}</source>
        <translation>意外的字符 {char}</translation>
    </message>
    <message>
        <source>unexpected {found}</source>
        <translation>意外的{found}</translation>
    </message>
    <message>
        <source>unknown function &apos;{name}&apos;; known functions: {known}</source>
        <translation>未知函数 &apos;{name}&apos;；可用的函数有：{known}</translation>
    </message>
    <message>
        <source>unknown name {name} ({hint})</source>
        <translation>未知的名字 {name}（{hint}）</translation>
    </message>
    <message>
        <source>unmatched &apos;{token}&apos;</source>
        <translation>多余的 &apos;{token}&apos;（没有与之配对的括号）</translation>
    </message>
    <message>
        <source>unsqueeze: give the position of the new axis (axis=0, or PyTorch&apos;s dim=0)</source>
        <translation>unsqueeze：请给出新轴的位置（axis=0，或 PyTorch 的 dim=0）</translation>
    </message>
    <message>
        <source>where: shapes {c}, {a} and {b} cannot be broadcast together</source>
        <translation>where：形状 {c}、{a} 和 {b} 无法一起广播</translation>
    </message>
    <message>
        <source>{name}() takes {least} argument ({call}), got {got}</source>
        <translation>{name}() 需要 {least} 个参数（{call}），却得到了 {got} 个</translation>
    </message>
    <message>
        <source>{name}() takes {least} arguments ({call}), got {got}</source>
        <translation>{name}() 需要 {least} 个参数（{call}），却得到了 {got} 个</translation>
    </message>
    <message>
        <source>{name}() takes {least} or {most} arguments ({call}), got {got}</source>
        <translation>{name}() 需要 {least} 或 {most} 个参数（{call}），却得到了 {got} 个</translation>
    </message>
    <message>
        <source>{name}() takes {least} to {most} arguments ({call}), got {got}</source>
        <translation>{name}() 需要 {least} 到 {most} 个参数（{call}），却得到了 {got} 个</translation>
    </message>
    <message>
        <source>{op}: axis {axis} does not fit a 0-d value (only 0 or -1)</source>
        <translation>{op}：轴 {axis} 不适用于 0 维的值（只能是 0 或 -1）</translation>
    </message>
    <message>
        <source>{op}: axis {axis} does not fit shape {shape}</source>
        <translation>{op}：axis {axis} 与形状 {shape} 不符</translation>
    </message>
    <message>
        <source>{op}: axis {axis} does not fit shape {shape}: {reason}</source>
        <translation>{op}：轴 {axis} 与形状 {shape} 不符：{reason}</translation>
    </message>
    <message>
        <source>{op}: axis {axis} of shape {shape} is empty: there is nothing to normalise over</source>
        <translation>{op}：形状 {shape} 的轴 {axis} 是空的：没有可以归一化的元素</translation>
    </message>
    <message>
        <source>{op}: needs at least one array</source>
        <translation>{op}：至少需要一个数组</translation>
    </message>
    <message>
        <source>{op}: shapes {a} and {b} cannot be broadcast together</source>
        <translation>{op}：形状 {a} 和 {b} 无法广播到一起</translation>
    </message>
    <message>
        <source>{op}: shapes {shapes} along axis {axis}: {reason}</source>
        <translation>{op}：沿轴 {axis} 的形状 {shapes}：{reason}</translation>
    </message>
    <message>
        <source>{op}: the input is empty (shape {shape}); it has no {op}imum</source>
        <translation>{op}：输入是空的（形状 {shape}），没有{op}值</translation>
    </message>
    <message>
        <source>{op}: {reason} (input of shape {shape})</source>
        <translation>{op}：{reason}（输入形状为 {shape}）</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Something went wrong</source>
        <translation>出错了</translation>
    </message>
    <message>
        <source>The app keeps running with its previous state.</source>
        <translation>应用会继续运行，并保持出错前的状态。</translation>
    </message>
    <message>
        <source>The details were written to {path}.</source>
        <translation>详细信息已写入 {path}。</translation>
    </message>
    <message>
        <source>The log file could not be written.</source>
        <translation>无法写入日志文件。</translation>
    </message>
    <message>
        <source>building the expression</source>
        <translation>构建表达式</translation>
    </message>
    <message>
        <source>checking the gradients</source>
        <translation>检验梯度</translation>
    </message>
    <message>
        <source>exporting the graph as PNG</source>
        <translation>导出计算图为 PNG</translation>
    </message>
    <message>
        <source>exporting the graph as SVG</source>
        <translation>导出计算图为 SVG</translation>
    </message>
    <message>
        <source>exporting the network as Python</source>
        <translation>将网络导出为 Python 代码</translation>
    </message>
    <message>
        <source>handling an event</source>
        <translation>处理事件</translation>
    </message>
    <message>
        <source>loading the network&apos;s weights</source>
        <translation>加载网络权重</translation>
    </message>
    <message>
        <source>reading the heat map under the mouse</source>
        <translation>读取鼠标所指的热力图数值</translation>
    </message>
    <message>
        <source>saving the network&apos;s weights</source>
        <translation>保存网络权重</translation>
    </message>
    <message>
        <source>showing a graph from the Training lab</source>
        <translation>显示来自训练实验的计算图</translation>
    </message>
    <message>
        <source>switching the backward order</source>
        <translation>切换反向传播的顺序</translation>
    </message>
    <message>
        <source>{error} while {context}</source>
        <translation>{context}时发生 {error}</translation>
    </message>
</context>
<context>
    <name>ExpressionLab</name>
    <message>
        <source>  — {ratio}× as many</source>
        <translation>  —— 是前者的 {ratio} 倍</translation>
    </message>
    <message>
        <source># {title}
# This graph was sent from {lab} (read-only here).
# Step through its backward pass, or press Edit / pick a preset to type your own.</source>
        <translation># {title}
# 这个计算图来自{lab}（此处只读）。
# 逐步查看它的反向传播，或按“编辑”/选择一个预设来输入你自己的表达式。</translation>
    </message>
    <message>
        <source>(backward has not started)</source>
        <translation>（反向传播尚未开始）</translation>
    </message>
    <message>
        <source>(empty: backward() has visited every node)</source>
        <translation>（空：backward() 已访问所有节点）</translation>
    </message>
    <message>
        <source>2 · Step through backward()</source>
        <translation>2 · 逐步执行 backward()</translation>
    </message>
    <message>
        <source>3 · Compare the order</source>
        <translation>3 · 比较遍历顺序</translation>
    </message>
    <message>
        <source>4 · Check the gradients</source>
        <translation>4 · 检验梯度</translation>
    </message>
    <message>
        <source>&lt;b&gt;1 · Write an expression&lt;/b&gt;</source>
        <translation>&lt;b&gt;1 · 写一个表达式&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Still to visit&lt;/b&gt; (backward()&apos;s order)</source>
        <translation>&lt;b&gt;待访问&lt;/b&gt;（backward() 的顺序）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Still to visit&lt;/b&gt; (the per-path recursion&apos;s order)</source>
        <translation>&lt;b&gt;待访问&lt;/b&gt;（逐路径递归的顺序）</translation>
    </message>
    <message>
        <source>&lt;b&gt;What happened&lt;/b&gt; (click a line to go there)</source>
        <translation>&lt;b&gt;执行记录&lt;/b&gt;（点击一行可跳到那一步）</translation>
    </message>
    <message>
        <source>= value</source>
        <translation>= 值</translation>
    </message>
    <message>
        <source>At the start: press Step ▶ (→) to compute the values, then follow the gradient back.</source>
        <translation>起点：按“前进 ▶”（→）计算各节点的值，然后沿梯度反向追踪。</translation>
    </message>
    <message>
        <source>Back to the start (Home)</source>
        <translation>回到起点（Home）</translation>
    </message>
    <message>
        <source>Build</source>
        <translation>构建</translation>
    </message>
    <message>
        <source>Build the graph of the expression (Ctrl+Enter)</source>
        <translation>构建表达式的计算图（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Built {nodes} nodes, {edges} edges; {steps} steps ({forward} forward, {backward} backward)</source>
        <translation>已构建 {nodes} 个节点、{edges} 条边；共 {steps} 步（前向 {forward} 步，反向 {backward} 步）</translation>
    </message>
    <message>
        <source>Check cannot re-run op &apos;{op}&apos; of node {label}: build it as an expression instead</source>
        <translation>检验无法重新运行节点 {label} 的运算 &apos;{op}&apos;：请改为用表达式构建它</translation>
    </message>
    <message>
        <source>Check cannot re-run this graph (an op used arguments it cannot recover)</source>
        <translation>检验无法重新运行这个计算图（某个运算用到了无法恢复的参数）</translation>
    </message>
    <message>
        <source>Check with finite differences</source>
        <translation>用有限差分检验</translation>
    </message>
    <message>
        <source>Check would rebuild this {nodes}-node graph {times} times and freeze the window; try it on a smaller expression</source>
        <translation>检验需要把这个含 {nodes} 个节点的计算图重建 {times} 次，窗口会卡住；请换一个更小的表达式试试</translation>
    </message>
    <message>
        <source>Check: every gradient agrees</source>
        <translation>检验：所有梯度都一致</translation>
    </message>
    <message>
        <source>Check: finite differences cannot be trusted at these magnitudes</source>
        <translation>检验：在这样的数量级下，有限差分的结果不可信</translation>
    </message>
    <message>
        <source>Check: some gradients disagree</source>
        <translation>检验：有些梯度不一致</translation>
    </message>
    <message>
        <source>Click a node to see its whole value and gradient.</source>
        <translation>点击一个节点，查看它完整的值和梯度。</translation>
    </message>
    <message>
        <source>Drag to any step</source>
        <translation>拖动到任意一步</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>End ▶|</source>
        <translation>结尾 ▶|</translation>
    </message>
    <message>
        <source>From {lab}: {title}</source>
        <translation>来自{lab}：{title}</translation>
    </message>
    <message>
        <source>How many times a grad_fn runs in one backward</source>
        <translation>一次反向传播中 grad_fn 被调用的次数</translation>
    </message>
    <message>
        <source>Jump to the end (End)</source>
        <translation>跳到结尾（End）</translation>
    </message>
    <message>
        <source>Loaded the preset “{title}” — Ctrl+Z in the editor brings your text back</source>
        <translation>已载入预设“{title}”——在编辑器中按 Ctrl+Z 可恢复你原来的文字</translation>
    </message>
    <message>
        <source>Log ◨</source>
        <translation>记录 ◨</translation>
    </message>
    <message>
        <source>Node inspector</source>
        <translation>节点查看器</translation>
    </message>
    <message>
        <source>One statement per line: x = 2.0 makes a variable; z = x * y + sin(x) builds on it.
Operators + - * / ** @, functions like sin, exp, tanh, sigmoid, sum, softmax, mse.
Ctrl+Enter builds; Ctrl+Z takes back a preset.</source>
        <translation>每行一条语句：x = 2.0 定义一个变量；z = x * y + sin(x) 在它的基础上计算。
运算符 + - * / ** @，函数如 sin、exp、tanh、sigmoid、sum、softmax、mse。
Ctrl+Enter 构建；Ctrl+Z 撤销载入的预设。</translation>
    </message>
    <message>
        <source>One step back (←, PageUp)</source>
        <translation>后退一步（←、PageUp）</translation>
    </message>
    <message>
        <source>One step forward (→, PageDown)</source>
        <translation>前进一步（→、PageDown）</translation>
    </message>
    <message>
        <source>Per path (original recursion)</source>
        <translation>逐路径（原始递归）</translation>
    </message>
    <message>
        <source>Play / pause (Space)</source>
        <translation>播放 / 暂停（空格）</translation>
    </message>
    <message>
        <source>Predict first: type the gradient this edge sends and press Enter, or Reveal</source>
        <translation>先预测：输入这条边传出的梯度并按回车，或者按“揭晓”</translation>
    </message>
    <message>
        <source>Presets ▾</source>
        <translation>预设 ▾</translation>
    </message>
    <message>
        <source>PyCarrot graph</source>
        <translation>PyCarrot 计算图</translation>
    </message>
    <message>
        <source>Ready-made expressions to try (Ctrl+Z undoes)</source>
        <translation>现成的表达式，拿来试试（Ctrl+Z 撤销）</translation>
    </message>
    <message>
        <source>Run pc.gradcheck: compare every variable&apos;s gradient with (f(x+ε) − f(x−ε)) / 2ε</source>
        <translation>运行 pc.gradcheck：把每个变量的梯度与 (f(x+ε) − f(x−ε)) / 2ε 进行比较</translation>
    </message>
    <message>
        <source>Show every step, the ones to come greyed (to prepare a lesson); off: only the steps taken</source>
        <translation>显示所有步骤，尚未执行的显示为灰色（便于备课）；关闭时只显示已执行的步骤</translation>
    </message>
    <message>
        <source>Show or hide the editor panel (steps 1, 3, 4) on the left</source>
        <translation>显示或隐藏左侧的编辑面板（第 1、3、4 步）</translation>
    </message>
    <message>
        <source>Show or hide the “What happened” log on the right</source>
        <translation>显示或隐藏右侧的“执行记录”</translation>
    </message>
    <message>
        <source>Step ▶</source>
        <translation>前进 ▶</translation>
    </message>
    <message>
        <source>Steps per second when playing</source>
        <translation>播放时每秒的步数</translation>
    </message>
    <message>
        <source>The clicked node&apos;s whole value and gradient; follows the playback</source>
        <translation>所点击节点完整的值和梯度；随回放更新</translation>
    </message>
    <message>
        <source>The latest step, in words</source>
        <translation>用文字描述最近一步</translation>
    </message>
    <message>
        <source>The nodes backward() will visit next, in order</source>
        <translation>backward() 接下来要按顺序访问的节点</translation>
    </message>
    <message>
        <source>The steps taken, in words; click one to go back there</source>
        <translation>已执行的步骤（文字描述）；点击一条可回到那一步</translation>
    </message>
    <message>
        <source>This graph came from the Training lab; pick a preset or press Edit</source>
        <translation>这个计算图来自训练实验；请选择一个预设或按“编辑”</translation>
    </message>
    <message>
        <source>Topological (backward())</source>
        <translation>拓扑序（backward()）</translation>
    </message>
    <message>
        <source>Type your own expression again</source>
        <translation>重新输入你自己的表达式</translation>
    </message>
    <message>
        <source>What is wrong with the expression, and where</source>
        <translation>表达式哪里出错了，以及出错的位置</translation>
    </message>
    <message>
        <source>Which walk to replay: the engine&apos;s sorted one (each grad_fn once) or the original per-path
recursion (each grad_fn once per path — exponential on shared sub-graphs).</source>
        <translation>回放哪种遍历：引擎按拓扑排序的遍历（每个 grad_fn 调用一次），或原始的逐路径
递归（每条路径调用一次 grad_fn——在共享子图上呈指数增长）。</translation>
    </message>
    <message>
        <source>Zoom to a readable size and keep the active node in view while stepping (F shows it all)</source>
        <translation>单步执行时缩放到清晰可读的大小，并让当前节点保持在视野内（按 F 显示全图）</translation>
    </message>
    <message>
        <source>accumulated: {sum}</source>
        <translation>累加：{sum}</translation>
    </message>
    <message>
        <source>at {value} a step of ε = {eps} is lost in rounding, so finite differences cannot be trusted</source>
        <translation>在 {value} 处，步长 ε = {eps} 会被舍入误差吞没，因此有限差分不可信</translation>
    </message>
    <message>
        <source>backward</source>
        <translation>反向</translation>
    </message>
    <message>
        <source>backward {analytic} · finite differences {numeric}</source>
        <translation>反向传播 {analytic} · 有限差分 {numeric}</translation>
    </message>
    <message>
        <source>check: {mark} {text}</source>
        <translation>检验：{mark} {text}</translation>
    </message>
    <message>
        <source>const</source>
        <translation>常量</translation>
    </message>
    <message>
        <source>constant</source>
        <translation>常量</translation>
    </message>
    <message>
        <source>could not write the PNG file {path}</source>
        <translation>无法写入 PNG 文件 {path}</translation>
    </message>
    <message>
        <source>could not write the SVG file {path}</source>
        <translation>无法写入 SVG 文件 {path}</translation>
    </message>
    <message>
        <source>first {shown} of {size}</source>
        <translation>{size} 中的前 {shown}</translation>
    </message>
    <message>
        <source>follow</source>
        <translation>跟随</translation>
    </message>
    <message>
        <source>forward</source>
        <translation>前向</translation>
    </message>
    <message>
        <source>grad_fn calls in one backward:
  topological: {topo}  (one per edge: {edges})
  per path: {path}</source>
        <translation>一次反向传播中 grad_fn 的调用次数：
  拓扑序：{topo}（每条边一次：{edges}）
  逐路径：{path}</translation>
    </message>
    <message>
        <source>gradient: none (constants get no gradient)</source>
        <translation>梯度：无（常量没有梯度）</translation>
    </message>
    <message>
        <source>gradient: none yet</source>
        <translation>梯度：暂无</translation>
    </message>
    <message>
        <source>gradient: {grad}</source>
        <translation>梯度：{grad}</translation>
    </message>
    <message>
        <source>none (constants get no gradient)</source>
        <translation>无（常量没有梯度）</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source>not computed yet</source>
        <translation>尚未计算</translation>
    </message>
    <message>
        <source>nothing to check: the output does not depend on any variable</source>
        <translation>无可检验：输出不依赖任何变量</translation>
    </message>
    <message>
        <source>op: {op}</source>
        <translation>运算：{op}</translation>
    </message>
    <message>
        <source>result</source>
        <translation>运算结果</translation>
    </message>
    <message>
        <source>sends ∇ {grad}</source>
        <translation>传出 ∇ {grad}</translation>
    </message>
    <message>
        <source>shape: {dims}</source>
        <translation>形状：{dims}</translation>
    </message>
    <message>
        <source>showing the first {shown} of {calls} grad_fn calls of the per-path walk</source>
        <translation>显示逐路径遍历 {calls} 次 grad_fn 调用中的前 {shown} 次</translation>
    </message>
    <message>
        <source>speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>start</source>
        <translation>起点</translation>
    </message>
    <message>
        <source>the Network lab</source>
        <translation>神经网络实验</translation>
    </message>
    <message>
        <source>the Training lab</source>
        <translation>训练实验</translation>
    </message>
    <message>
        <source>the graph holds values that are not finite (inf or nan), so finite differences mean nothing here</source>
        <translation>计算图中含有非有限值（inf 或 nan），因此有限差分在这里没有意义</translation>
    </message>
    <message>
        <source>this expression makes {nodes} nodes; the lab draws at most {limit} (laying out and recording more would freeze the window for seconds). A smaller expression shows the same idea.</source>
        <translation>这个表达式会生成 {nodes} 个节点；本实验最多绘制 {limit} 个（布局和记录更多节点会让窗口卡住好几秒）。用更小的表达式也能说明同样的道理。</translation>
    </message>
    <message>
        <source>value: {value}</source>
        <translation>值：{value}</translation>
    </message>
    <message>
        <source>values reach {scale}, so rounding alone moves the finite differences by about {noise}; they cannot be trusted at this magnitude</source>
        <translation>数值达到 {scale}，仅舍入误差就会让有限差分偏移约 {noise}；在这个数量级下它不可信</translation>
    </message>
    <message>
        <source>var</source>
        <translation>变量</translation>
    </message>
    <message>
        <source>variable (a leaf that requires grad)</source>
        <translation>变量（需要梯度的叶节点）</translation>
    </message>
    <message>
        <source>whole script</source>
        <translation>完整脚本</translation>
    </message>
    <message>
        <source>{label} does not depend on any variable (a name assigned a number), so there is no gradient to follow</source>
        <translation>{label} 不依赖任何变量（被赋值为数字的名字），因此没有梯度可追踪</translation>
    </message>
    <message>
        <source>{what} first appears at {label} ({op} of {args})</source>
        <translation>{what} 最先出现在 {label}（{args} 的 {op}）</translation>
    </message>
    <message>
        <source>|◀ Start</source>
        <translation>|◀ 起点</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>……还有 {count} 个</translation>
    </message>
    <message>
        <source>→ / Space to step or play · wheel zooms · F fits · click a node</source>
        <translation>→ / 空格 单步或播放 · 滚轮缩放 · F 适应窗口 · 点击节点查看</translation>
    </message>
    <message>
        <source>∇ gradient</source>
        <translation>∇ 梯度</translation>
    </message>
    <message>
        <source>┄ constant</source>
        <translation>┄ 常量</translation>
    </message>
    <message>
        <source>▌ still to visit</source>
        <translation>▌ 待访问</translation>
    </message>
    <message>
        <source>▶ Play</source>
        <translation>▶ 播放</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ 后退</translation>
    </message>
    <message>
        <source>◧ Editor</source>
        <translation>◧ 编辑器</translation>
    </message>
    <message>
        <source>⚠ {message}
The previous graph is still shown.</source>
        <translation>⚠ {message}
仍显示上一次构建的计算图。</translation>
    </message>
    <message>
        <source>✓: backward() agrees with finite differences</source>
        <translation>✓：backward() 与有限差分一致</translation>
    </message>
    <message>
        <source>❚❚ Pause</source>
        <translation>❚❚ 暂停</translation>
    </message>
</context>
<context>
    <name>HeatMapView</name>
    <message>
        <source>Point at a cell to read its row, column and value under the map.</source>
        <translation>指向某个格子，可在图下方读出它的行、列和数值。</translation>
    </message>
    <message>
        <source>min {low} · max {high}</source>
        <translation>最小 {low} · 最大 {high}</translation>
    </message>
    <message>
        <source>no finite numbers</source>
        <translation>没有有限的数值</translation>
    </message>
</context>
<context>
    <name>LabPlot</name>
    <message>
        <source>{axis} (log scale)</source>
        <translation>{axis}（对数坐标）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;About PyCarrot</source>
        <translation>关于 PyCarrot(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Fit graph	F</source>
        <translation>适应窗口(&amp;F)	F</translation>
    </message>
    <message>
        <source>&amp;Graph only</source>
        <translation>仅显示计算图(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Larger text</source>
        <translation>放大文字(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Normal size</source>
        <translation>正常大小(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Projector mode</source>
        <translation>投影模式(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Smaller text</source>
        <translation>缩小文字(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>A small NumPy autograd engine and an app that shows backpropagation step by step: every value, every gradient, every local rule.</source>
        <translation>一个基于 NumPy 的小型自动求导引擎，以及一个逐步演示反向传播的应用：每个值、每个梯度、每条局部求导法则都清清楚楚。</translation>
    </message>
    <message>
        <source>About PyCarrot</source>
        <translation>关于 PyCarrot</translation>
    </message>
    <message>
        <source>Black screen on / off (as in PowerPoint)</source>
        <translation>黑屏 开 / 关（与 PowerPoint 相同）</translation>
    </message>
    <message>
        <source>Black screen: press B to come back</source>
        <translation>黑屏：按 B 返回</translation>
    </message>
    <message>
        <source>Build a small network, step its backward pass, train it on 2-D data and digits</source>
        <translation>搭建一个小型神经网络，逐步执行反向传播，并在二维数据和手写数字上训练它</translation>
    </message>
    <message>
        <source>Export graph as &amp;PNG…</source>
        <translation>导出计算图为 &amp;PNG…</translation>
    </message>
    <message>
        <source>Export graph as &amp;SVG…</source>
        <translation>导出计算图为 &amp;SVG…</translation>
    </message>
    <message>
        <source>Export graph as PNG</source>
        <translation>导出计算图为 PNG</translation>
    </message>
    <message>
        <source>Export graph as SVG</source>
        <translation>导出计算图为 SVG</translation>
    </message>
    <message>
        <source>Export network as P&amp;ython…</source>
        <translation>将网络导出为 P&amp;ython 代码…</translation>
    </message>
    <message>
        <source>Export network as Python</source>
        <translation>将网络导出为 Python 代码</translation>
    </message>
    <message>
        <source>Expression</source>
        <translation>表达式</translation>
    </message>
    <message>
        <source>Expression and Network labs: next step; Training: train / pause</source>
        <translation>表达式和神经网络实验：下一步；训练实验：训练 / 暂停</translation>
    </message>
    <message>
        <source>F5 / Esc</source>
        <translation>F5 / Esc</translation>
    </message>
    <message>
        <source>Fit a line with SGD and watch the loss fall</source>
        <translation>用 SGD 拟合一条直线，看损失逐步下降</translation>
    </message>
    <message>
        <source>Follow the &amp;system</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>Full screen, panels hidden, the step as a large caption; a clicker&apos;s PageDown / PageUp step, B blacks the screen, Esc leaves</source>
        <translation>全屏、隐藏侧边面板、当前步骤以大字幕显示；翻页器的 PageDown / PageUp 单步，B 黑屏，Esc 退出</translation>
    </message>
    <message>
        <source>Hide the editor and the log so the graph fills the window</source>
        <translation>隐藏编辑器和日志，让计算图占满窗口</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Larger text and stronger colours for a lecture hall</source>
        <translation>更大的文字和更鲜明的颜色，适合在教室投影</translation>
    </message>
    <message>
        <source>Load network weights</source>
        <translation>加载网络权重</translation>
    </message>
    <message>
        <source>Load network weights…</source>
        <translation>加载网络权重…</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>神经网络</translation>
    </message>
    <message>
        <source>Next step (Network lab: one layer on in the backward pass; Training: one step)</source>
        <translation>下一步（神经网络实验：反向传播前进一层；训练实验：训练一步）</translation>
    </message>
    <message>
        <source>P&amp;resenter mode</source>
        <translation>演示模式(&amp;R)</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Presenter mode on / off</source>
        <translation>演示模式 开 / 关</translation>
    </message>
    <message>
        <source>Presenter: B / .</source>
        <translation>演示模式：B / .</translation>
    </message>
    <message>
        <source>Presenter: PageDown / → / Enter</source>
        <translation>演示模式：PageDown / → / Enter</translation>
    </message>
    <message>
        <source>Presenter: PageUp / ← / Backspace</source>
        <translation>演示模式：PageUp / ← / Backspace</translation>
    </message>
    <message>
        <source>Presenter: Space</source>
        <translation>演示模式：空格</translation>
    </message>
    <message>
        <source>Previous step (Training: pause)</source>
        <translation>上一步（训练实验：暂停）</translation>
    </message>
    <message>
        <source>PyCarrot — watch backpropagation</source>
        <translation>PyCarrot — 观察反向传播</translation>
    </message>
    <message>
        <source>Python (*.py)</source>
        <translation>Python 文件 (*.py)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>Save network weights</source>
        <translation>保存网络权重</translation>
    </message>
    <message>
        <source>Save network weights…</source>
        <translation>保存网络权重…</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <source>Show the whole graph</source>
        <translation>显示整个计算图</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>大小：</translation>
    </message>
    <message>
        <source>Te&amp;xt size</source>
        <translation>文字大小(&amp;X)</translation>
    </message>
    <message>
        <source>The text size as a share of the normal size</source>
        <translation>文字大小相对于正常大小的比例</translation>
    </message>
    <message>
        <source>Theme: {name}, text {size} pt</source>
        <translation>主题：{name}，文字 {size} 磅</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Type an expression and step through its backward pass</source>
        <translation>输入一个表达式，逐步查看它的反向传播</translation>
    </message>
    <message>
        <source>Weights (*.npz)</source>
        <translation>权重文件 (*.npz)</translation>
    </message>
    <message>
        <source>Weights (*.npz);;All files (*)</source>
        <translation>权重文件 (*.npz);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
</context>
<context>
    <name>NodeInspector</name>
    <message>
        <source>∇ ? — predict it: backward() has not reached it yet</source>
        <translation>∇ ? —— 先预测：backward() 还没有传到这里</translation>
    </message>
</context>
<context>
    <name>NodeItem</name>
    <message>
        <source>gradient: ∇ ? — predict it: backward() has not reached it yet</source>
        <translation>梯度：∇ ? —— 先预测：backward() 还没有传到这里</translation>
    </message>
</context>
<context>
    <name>PredictRow</name>
    <message>
        <source>Absolute tolerance: added to the relative one</source>
        <translation>绝对容差：与相对容差相加</translation>
    </message>
    <message>
        <source>No question at this step: step on (→) — the next gradient asks.</source>
        <translation>这一步没有题目：继续前进（→）——下一个梯度会提问。</translation>
    </message>
    <message>
        <source>Predict</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Predict, then reveal: hide every gradient backward() has not reached (∇ ?) and ask for each one before it is shown</source>
        <translation>先预测再揭晓：隐藏 backward() 尚未传到的梯度（∇ ?），每个梯度显示之前先提问</translation>
    </message>
    <message>
        <source>Relative tolerance: this share of the true value</source>
        <translation>相对容差：真实值的这一比例</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>揭晓</translation>
    </message>
    <message>
        <source>Show the true gradient: judges what is typed, or just shows it when nothing is (not answered)</source>
        <translation>显示真实梯度：有输入时判断对错，没有输入时直接显示（记为未作答）</translation>
    </message>
    <message>
        <source>The pass is done: every gradient is shown.</source>
        <translation>本轮已完成：所有梯度都已显示。</translation>
    </message>
    <message>
        <source>Type the gradient: 2, -0.5, 1e-3, or a small tensor as [0.42, -0.42] / [[1, 2], [3, 4]]; Enter reveals</source>
        <translation>输入梯度：2、-0.5、1e-3，或者小张量如 [0.42, -0.42] / [[1, 2], [3, 4]]；回车揭晓</translation>
    </message>
    <message>
        <source>Your last guess, the true value and the rule</source>
        <translation>你上一次的猜测、真实值和求导法则</translation>
    </message>
    <message>
        <source>Your score in this backward pass</source>
        <translation>你在这一轮反向传播中的得分</translation>
    </message>
    <message>
        <source>right within ±</source>
        <translation>容差 ±</translation>
    </message>
    <message>
        <source>your guess, e.g. 2 or [0.5, -1]</source>
        <translation>你的猜测，例如 2 或 [0.5, -1]</translation>
    </message>
</context>
<context>
    <name>Presets</name>
    <message>
        <source>Cross-entropy through softmax: the gradient on the logits is softmax − target.</source>
        <translation>经过 softmax 的交叉熵：logits 上的梯度等于 softmax − target。</translation>
    </message>
    <message>
        <source>MSE of a line fit</source>
        <translation>直线拟合的均方误差</translation>
    </message>
    <message>
        <source>One fused mse node; w and b receive the gradient SGD would step along.</source>
        <translation>一个融合的 mse 节点；w 和 b 得到的正是 SGD 更新时所沿的梯度。</translation>
    </message>
    <message>
        <source>a is used on two paths: its gradient accumulates 2 + 3 = 5.</source>
        <translation>a 出现在两条路径上：它的梯度累加为 2 + 3 = 5。</translation>
    </message>
    <message>
        <source>micrograd&apos;s neuron: tanh′ = 1 − tanh², then the sum hands the same gradient to every term.</source>
        <translation>micrograd 的神经元：tanh′ = 1 − tanh²，然后求和把同一个梯度传给每一项。</translation>
    </message>
    <message>
        <source>one variable on many paths</source>
        <translation>一个变量，多条路径</translation>
    </message>
    <message>
        <source>sigmoid neuron</source>
        <translation>sigmoid 神经元</translation>
    </message>
    <message>
        <source>softmax over a vector</source>
        <translation>向量上的 softmax</translation>
    </message>
    <message>
        <source>tanh neuron</source>
        <translation>tanh 神经元</translation>
    </message>
    <message>
        <source>x feeds five ops; in per-path order grad_fn runs many more times than edges exist.</source>
        <translation>x 参与五个运算；按逐路径顺序，grad_fn 的调用次数远多于边的数量。</translation>
    </message>
    <message>
        <source>x reaches z twice, through the product and through sin.</source>
        <translation>x 两次到达 z：一次经过乘积，一次经过 sin。</translation>
    </message>
    <message>
        <source>z = a·2 + a·3 (original design)</source>
        <translation>z = a·2 + a·3（原始设计）</translation>
    </message>
    <message>
        <source>z = x·y (original design)</source>
        <translation>z = x·y（原始设计）</translation>
    </message>
    <message>
        <source>z = x·y + sin(x)</source>
        <translation>z = x·y + sin(x)</translation>
    </message>
    <message>
        <source>σ′ = σ·(1 − σ): never bigger than 0.25.</source>
        <translation>σ′ = σ·(1 − σ)：永远不超过 0.25。</translation>
    </message>
    <message>
        <source>∂z/∂x is y and ∂z/∂y is x: the gradient of a product swaps the factors.</source>
        <translation>∂z/∂x 是 y，∂z/∂y 是 x：乘积的梯度把两个因子对调。</translation>
    </message>
</context>
<context>
    <name>Quiz</name>
    <message>
        <source>A “[” is not closed: check the brackets.</source>
        <translation>有一个“[”没有闭合：请检查括号。</translation>
    </message>
    <message>
        <source>A “]” without its “[”: check the brackets.</source>
        <translation>有一个“]”没有对应的“[”：请检查括号。</translation>
    </message>
    <message>
        <source>Chain rule: ∇ {src} × the local derivative ∂{src}/∂{dst}</source>
        <translation>链式法则：∇ {src} × 局部导数 ∂{src}/∂{dst}</translation>
    </message>
    <message>
        <source>Done: ✓ {right} right · ✗ {wrong} wrong · ◇ {revealed} revealed</source>
        <translation>完成：✓ 答对 {right} · ✗ 答错 {wrong} · ◇ 直接揭晓 {revealed}</translation>
    </message>
    <message>
        <source>No answers yet</source>
        <translation>还没有作答</translation>
    </message>
    <message>
        <source>Pass done: {right} of {total} right — ✓ {right} right, ✗ {wrong} wrong, ◇ {revealed} revealed without a guess</source>
        <translation>本轮完成：{total} 题答对 {right} 题——✓ 答对 {right}，✗ 答错 {wrong}，◇ 未作答直接揭晓 {revealed}</translation>
    </message>
    <message>
        <source>The answer has {n} numbers (shape {shape}): type {n}, e.g. {example}.</source>
        <translation>答案包含 {n} 个数（形状 {shape}）：请输入 {n} 个数，例如 {example}。</translation>
    </message>
    <message>
        <source>The answer is one number: type just that number.</source>
        <translation>答案是一个数：只需输入这个数。</translation>
    </message>
    <message>
        <source>The rows have different lengths: every row needs as many numbers.</source>
        <translation>各行长度不同：每一行的数的个数必须相同。</translation>
    </message>
    <message>
        <source>Type finite numbers (no inf or nan).</source>
        <translation>请输入有限的数（不能是 inf 或 nan）。</translation>
    </message>
    <message>
        <source>Type your guess first (e.g. 2 or -0.5), or press Reveal.</source>
        <translation>请先输入你的猜测（例如 2 或 -0.5），或者按“揭晓”。</translation>
    </message>
    <message>
        <source>{right} of {total} right</source>
        <translation>{total} 题答对 {right} 题</translation>
    </message>
    <message>
        <source>{rule}, so {grad_in} × {local} = {grad_out}</source>
        <translation>{rule}，所以 {grad_in} × {local} = {grad_out}</translation>
    </message>
    <message>
        <source>{rule}, so ∇ {grad_in} through it gives {grad_out}</source>
        <translation>{rule}，所以 ∇ {grad_in} 经过它得到 {grad_out}</translation>
    </message>
    <message>
        <source>{src} → {dst}: which gradient will this edge send to {dst}? ({src} has ∇ {grad_in})</source>
        <translation>{src} → {dst}：这条边会把多大的梯度传给 {dst}？（{src} 的梯度 ∇ = {grad_in}）</translation>
    </message>
    <message>
        <source>“{tok}” is not a number: type e.g. 2, -0.5 or 1e-3.</source>
        <translation>“{tok}”不是数：请输入例如 2、-0.5 或 1e-3。</translation>
    </message>
    <message>
        <source>◇ Revealed: it is {true}</source>
        <translation>◇ 已揭晓：答案是 {true}</translation>
    </message>
    <message>
        <source>✓ Right: {true}</source>
        <translation>✓ 答对了：{true}</translation>
    </message>
    <message>
        <source>✗ Wrong: you said {guess}, it is {true}</source>
        <translation>✗ 答错了：你填的是 {guess}，答案是 {true}</translation>
    </message>
</context>
<context>
    <name>Rules</name>
    <message>
        <source>a condition: no gradient</source>
        <translation>条件：没有梯度</translation>
    </message>
    <message>
        <source>indices: no gradient</source>
        <translation>下标：没有梯度</translation>
    </message>
    <message>
        <source>∂L/∂{a} = ∂L/∂{out} · {b}ᵀ</source>
        <translation>∂L/∂{a} = ∂L/∂{out} · {b}ᵀ</translation>
    </message>
    <message>
        <source>∂L/∂{b} = {a}ᵀ · ∂L/∂{out}</source>
        <translation>∂L/∂{b} = {a}ᵀ · ∂L/∂{out}</translation>
    </message>
    <message>
        <source>∂L/∂{x} = (∂L/∂{out})ᵀ</source>
        <translation>∂L/∂{x} = (∂L/∂{out})ᵀ</translation>
    </message>
    <message>
        <source>∂L/∂{x} = g − softmax({x})·Σ g</source>
        <translation>∂L/∂{x} = g − softmax({x})·Σ g</translation>
    </message>
    <message>
        <source>∂L/∂{x} = its slice of ∂L/∂{out}</source>
        <translation>∂L/∂{x} = ∂L/∂{out} 中属于它的那一段</translation>
    </message>
    <message>
        <source>∂L/∂{x} = s·(g − Σ g·s),  s = softmax({x})</source>
        <translation>∂L/∂{x} = s·(g − Σ g·s),  s = softmax({x})</translation>
    </message>
    <message>
        <source>∂L/∂{x} = ∂L/∂{out} put back at the picked positions (zeros elsewhere)</source>
        <translation>∂L/∂{x} = 把 ∂L/∂{out} 放回被选取的位置（其余位置为 0）</translation>
    </message>
    <message>
        <source>∂L/∂{x} = ∂L/∂{out} reshaped back to {x}&apos;s shape</source>
        <translation>∂L/∂{x} = 把 ∂L/∂{out} 变形回 {x} 的形状</translation>
    </message>
    <message>
        <source>∂L/∂{x} = ∂L/∂{out} with the length-1 axes put back</source>
        <translation>∂L/∂{x} = 把长度为 1 的维度补回 ∂L/∂{out}</translation>
    </message>
    <message>
        <source>∂L/∂{x} = ∂L/∂{out} without the new axis</source>
        <translation>∂L/∂{x} = 去掉新增维度后的 ∂L/∂{out}</translation>
    </message>
    <message>
        <source>∂{out}/∂{a} = 1</source>
        <translation>∂{out}/∂{a} = 1</translation>
    </message>
    <message>
        <source>∂{out}/∂{a} = 1 where {a} &lt; {b} (½ at a tie)</source>
        <translation>∂{out}/∂{a} = 1（当 {a} &lt; {b}；相等时为 ½）</translation>
    </message>
    <message>
        <source>∂{out}/∂{a} = 1 where {a} &gt; {b} (½ at a tie)</source>
        <translation>∂{out}/∂{a} = 1（当 {a} &gt; {b}；相等时为 ½）</translation>
    </message>
    <message>
        <source>∂{out}/∂{a} = 1 where {cond}, else 0</source>
        <translation>∂{out}/∂{a} = 1（当 {cond} 成立），否则为 0</translation>
    </message>
    <message>
        <source>∂{out}/∂{a} = 1/{b}</source>
        <translation>∂{out}/∂{a} = 1/{b}</translation>
    </message>
    <message>
        <source>∂{out}/∂{a} = {b}</source>
        <translation>∂{out}/∂{a} = {b}</translation>
    </message>
    <message>
        <source>∂{out}/∂{a} = {b}·{a}^({b}−1)</source>
        <translation>∂{out}/∂{a} = {b}·{a}^({b}−1)</translation>
    </message>
    <message>
        <source>∂{out}/∂{b} = 0 where {cond}, else 1</source>
        <translation>∂{out}/∂{b} = 0（当 {cond} 成立），否则为 1</translation>
    </message>
    <message>
        <source>∂{out}/∂{b} = 1</source>
        <translation>∂{out}/∂{b} = 1</translation>
    </message>
    <message>
        <source>∂{out}/∂{b} = 1 where {b} &lt; {a} (½ at a tie)</source>
        <translation>∂{out}/∂{b} = 1（当 {b} &lt; {a}；相等时为 ½）</translation>
    </message>
    <message>
        <source>∂{out}/∂{b} = 1 where {b} &gt; {a} (½ at a tie)</source>
        <translation>∂{out}/∂{b} = 1（当 {b} &gt; {a}；相等时为 ½）</translation>
    </message>
    <message>
        <source>∂{out}/∂{b} = {a}</source>
        <translation>∂{out}/∂{b} = {a}</translation>
    </message>
    <message>
        <source>∂{out}/∂{b} = {a}^{b}·ln {a}</source>
        <translation>∂{out}/∂{b} = {a}^{b}·ln {a}</translation>
    </message>
    <message>
        <source>∂{out}/∂{b} = −1</source>
        <translation>∂{out}/∂{b} = −1</translation>
    </message>
    <message>
        <source>∂{out}/∂{b} = −{a}/{b}²</source>
        <translation>∂{out}/∂{b} = −{a}/{b}²</translation>
    </message>
    <message>
        <source>∂{out}/∂{x} = ({x} − mean)/((n − ddof)·{out})</source>
        <translation>∂{out}/∂{x} = ({x} − 均值)/((n − ddof)·{out})</translation>
    </message>
    <message>
        <source>∂{out}/∂{x} = 1 (for every element)</source>
        <translation>∂{out}/∂{x} = 1（对每个元素）</translation>
    </message>
    <message>
        <source>∂{out}/∂{x} = 1 + tan²({x})</source>
        <translation>∂{out}/∂{x} = 1 + tan²({x})</translation>
    </message>
    <message>
        <source>∂{out}/∂{x} = 1 at the largest element (shared at ties), else 0</source>
        <translation>∂{out}/∂{x} 在最大元素处为 1（并列时平分），其余为 0</translation>
    </message>
    <message>
        <source>∂{out}/∂{x} = 1 at the smallest element (shared at ties), else 0</source>
        <translation>∂{out}/∂{x} 在最小元素处为 1（并列时平分），其余为 0</translation>
    </message>
    <message>
        <source>∂{out}/∂{x} = 1 if {x} &gt; 0 else 0</source>
        <translation>∂{out}/∂{x} = 1（若 {x} &gt; 0），否则为 0</translation>
    </message>
    <message>
        <source>∂{out}/∂{x} = 1 if {x} &gt; 0 else the negative slope</source>
        <translation>∂{out}/∂{x} = 1（若 {x} &gt; 0），否则为负半轴斜率</translation>
    </message>
    <message>
        <source>∂{out}/∂{x} = 1 if {x} &gt; 0 else α·exp({x})</source>
        <translation>∂{out}/∂{x} = 1（若 {x} &gt; 0），否则为 α·exp({x})</translation>
    </message>
    <message>
        <source>∂{out}/∂{x} = 1 where {x} was not clipped, else 0</source>
        <translation>∂{out}/∂{x} = 1（{x} 未被截断处），否则为 0</translation>
    </message>
    <message>
        <source>∂{out}/∂{x} = 1 − tanh²({x})</source>
        <translation>∂{out}/∂{x} = 1 − tanh²({x})</translation>
    </message>
    <message>
        <source>∂{out}/∂{x} = 1 − σ({x})</source>
        <translation>∂{out}/∂{x} = 1 − σ({x})</translation>
    </message>
    <message>
        <source>∂{out}/∂{x} = 1/(2·√{x})</source>
        <translation>∂{out}/∂{x} = 1/(2·√{x})</translation>
    </message>
    <message>
        <source>∂{out}/∂{x} = 1/({x}·ln 2)</source>
        <translation>∂{out}/∂{x} = 1/({x}·ln 2)</translation>
    </message>
    <message>
        <source>∂{out}/∂{x} = 1/n (for every element)</source>
        <translation>∂{out}/∂{x} = 1/n（对每个元素）</translation>
    </message>
    <message>
        <source>∂{out}/∂{x} = 1/{x}</source>
        <translation>∂{out}/∂{x} = 1/{x}</translation>
    </message>
    <message>
        <source>∂{out}/∂{x} = 2^{x}·ln 2</source>
        <translation>∂{out}/∂{x} = 2^{x}·ln 2</translation>
    </message>
    <message>
        <source>∂{out}/∂{x} = 2·({x} − mean)/(n − ddof)</source>
        <translation>∂{out}/∂{x} = 2·({x} − 均值)/(n − ddof)</translation>
    </message>
    <message>
        <source>∂{out}/∂{x} = cos({x})</source>
        <translation>∂{out}/∂{x} = cos({x})</translation>
    </message>
    <message>
        <source>∂{out}/∂{x} = exp({x})</source>
        <translation>∂{out}/∂{x} = exp({x})</translation>
    </message>
    <message>
        <source>∂{out}/∂{x} = sign({x})</source>
        <translation>∂{out}/∂{x} = sign({x})</translation>
    </message>
    <message>
        <source>∂{out}/∂{x} = softmax({x})</source>
        <translation>∂{out}/∂{x} = softmax({x})</translation>
    </message>
    <message>
        <source>∂{out}/∂{x} = Φ({x}) + {x}·φ({x})</source>
        <translation>∂{out}/∂{x} = Φ({x}) + {x}·φ({x})</translation>
    </message>
    <message>
        <source>∂{out}/∂{x} = σ({x})</source>
        <translation>∂{out}/∂{x} = σ({x})</translation>
    </message>
    <message>
        <source>∂{out}/∂{x} = σ({x})·(1 + {x}·(1 − σ({x})))</source>
        <translation>∂{out}/∂{x} = σ({x})·(1 + {x}·(1 − σ({x})))</translation>
    </message>
    <message>
        <source>∂{out}/∂{x} = σ({x})·(1 − σ({x}))</source>
        <translation>∂{out}/∂{x} = σ({x})·(1 − σ({x}))</translation>
    </message>
    <message>
        <source>∂{out}/∂{x} = −1</source>
        <translation>∂{out}/∂{x} = −1</translation>
    </message>
    <message>
        <source>∂{out}/∂{x} = −sin({x})</source>
        <translation>∂{out}/∂{x} = −sin({x})</translation>
    </message>
</context>
<context>
    <name>RunControls</name>
    <message>
        <source>1 step/s</source>
        <translation>1 步/秒</translation>
    </message>
    <message>
        <source>10 steps/s</source>
        <translation>10 步/秒</translation>
    </message>
    <message>
        <source>100 steps/s</source>
        <translation>100 步/秒</translation>
    </message>
    <message>
        <source>2 steps/s</source>
        <translation>2 步/秒</translation>
    </message>
    <message>
        <source>20 steps/s</source>
        <translation>20 步/秒</translation>
    </message>
    <message>
        <source>30 steps/s</source>
        <translation>30 步/秒</translation>
    </message>
    <message>
        <source>5 steps/s</source>
        <translation>5 步/秒</translation>
    </message>
    <message>
        <source>Run exactly one optimiser step (→).</source>
        <translation>只执行一次优化步（→）。</translation>
    </message>
    <message>
        <source>Start again from the same initial weights (the seed&apos;s) with an empty history (Ctrl+R).</source>
        <translation>从相同的初始权重（由种子决定）重新开始，并清空历史记录（Ctrl+R）。</translation>
    </message>
    <message>
        <source>Start or pause training (Space).</source>
        <translation>开始或暂停训练（空格）。</translation>
    </message>
    <message>
        <source>Step ▸</source>
        <translation>单步 ▸</translation>
    </message>
    <message>
        <source>Steps per second while training: slow enough to watch, or as fast as possible.</source>
        <translation>训练时每秒的步数：慢到足以看清，或者尽可能快。</translation>
    </message>
    <message>
        <source>as fast as possible</source>
        <translation>尽可能快</translation>
    </message>
    <message>
        <source>▶ Train</source>
        <translation>▶ 训练</translation>
    </message>
    <message>
        <source>❚❚ Pause</source>
        <translation>❚❚ 暂停</translation>
    </message>
    <message>
        <source>⟲ Reset</source>
        <translation>⟲ 重置</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Build the expression</source>
        <translation>构建表达式</translation>
    </message>
    <message>
        <source>Drag</source>
        <translation>拖动</translation>
    </message>
    <message>
        <source>Export the graph as PNG</source>
        <translation>导出计算图为 PNG</translation>
    </message>
    <message>
        <source>Fit the graph in the view</source>
        <translation>让计算图适应视图</translation>
    </message>
    <message>
        <source>Graph only (hide the editor and the log)</source>
        <translation>仅显示计算图（隐藏编辑器和日志）</translation>
    </message>
    <message>
        <source>Mouse wheel / Ctrl+= / Ctrl+-</source>
        <translation>鼠标滚轮 / Ctrl+= / Ctrl+-</translation>
    </message>
    <message>
        <source>Network tab: Shift+→ / Shift+←</source>
        <translation>神经网络页：Shift+→ / Shift+←</translation>
    </message>
    <message>
        <source>Network tab: Space</source>
        <translation>神经网络页：空格</translation>
    </message>
    <message>
        <source>Network tab: →</source>
        <translation>神经网络页：→</translation>
    </message>
    <message>
        <source>New weights: the next init seed&apos;s initial weights, the last run stays faded</source>
        <translation>新权重：换用下一个初始化种子生成的初始权重，上一次运行以淡色保留</translation>
    </message>
    <message>
        <source>Next / previous scene of the lesson</source>
        <translation>课程的下一个 / 上一个场景</translation>
    </message>
    <message>
        <source>One optimiser step</source>
        <translation>优化器走一步</translation>
    </message>
    <message>
        <source>One step back</source>
        <translation>后退一步</translation>
    </message>
    <message>
        <source>One step forward</source>
        <translation>前进一步</translation>
    </message>
    <message>
        <source>Pan the graph</source>
        <translation>平移计算图</translation>
    </message>
    <message>
        <source>Play / pause</source>
        <translation>播放 / 暂停</translation>
    </message>
    <message>
        <source>Projector mode (bigger text, stronger colours)</source>
        <translation>投影模式（更大的文字，更鲜明的颜色）</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Reset: the same initial weights again (init seed), the last run stays faded</source>
        <translation>重置：再次使用相同的初始权重（初始化种子），上一次运行以淡色保留</translation>
    </message>
    <message>
        <source>Save / open a lesson</source>
        <translation>保存 / 打开课程</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>空格</translation>
    </message>
    <message>
        <source>Start / end of the playback</source>
        <translation>回放的开头 / 结尾</translation>
    </message>
    <message>
        <source>Step the next step&apos;s backward pass one layer on / back</source>
        <translation>将下一步的反向传播前进 / 后退一层</translation>
    </message>
    <message>
        <source>Train / pause</source>
        <translation>训练 / 暂停</translation>
    </message>
    <message>
        <source>Training tab: Ctrl+R</source>
        <translation>训练页：Ctrl+R</translation>
    </message>
    <message>
        <source>Training tab: Ctrl+Shift+R</source>
        <translation>训练页：Ctrl+Shift+R</translation>
    </message>
    <message>
        <source>Training tab: Space</source>
        <translation>训练页：空格</translation>
    </message>
    <message>
        <source>Training tab: →</source>
        <translation>训练页：→</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>缩放</translation>
    </message>
</context>
<context>
    <name>Steps</name>
    <message>
        <source>At the start: press → (Step) for the forward pass, Space to play, or pick a preset</source>
        <translation>起点：按 →（前进）开始前向传播，按空格播放，或选择一个预设</translation>
    </message>
    <message>
        <source>Backward pass: the gradient flows right to left — hover a node to read it, ← steps back</source>
        <translation>反向传播：梯度从右向左流动——把鼠标悬停在节点上可读取梯度，← 后退一步</translation>
    </message>
    <message>
        <source>Done: every gradient is final — press Check to compare with finite differences, Home to replay</source>
        <translation>完成：所有梯度都已确定——按“检验”与有限差分比较，按 Home 重新播放</translation>
    </message>
    <message>
        <source>Edited: press Build (Ctrl+Enter) to draw it — the graph still shows the last build</source>
        <translation>已修改：按“构建”（Ctrl+Enter）重新绘制——图中仍是上一次构建的结果</translation>
    </message>
    <message>
        <source>Fix the mistake shown under the editor, then Build again — the graph still shows the last build</source>
        <translation>请改正编辑器下方指出的错误，然后重新构建——图中仍是上一次构建的结果</translation>
    </message>
    <message>
        <source>Forward pass done — → starts backward(): the output&apos;s gradient is 1</source>
        <translation>前向传播完成——按 → 开始 backward()：输出对自身的梯度为 1</translation>
    </message>
    <message>
        <source>Forward pass: values appear node by node ({position} of {total}) — → steps on, ← back</source>
        <translation>前向传播：各节点的值依次出现（第 {position} / {total} 步）——→ 前进，← 后退</translation>
    </message>
    <message>
        <source>Nothing to play: type an expression and press Build (Ctrl+Enter)</source>
        <translation>没有可播放的内容：请输入一个表达式并按“构建”（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>a gradient of {shape}</source>
        <translation>{shape}的梯度</translation>
    </message>
    <message>
        <source>a leaf: nothing further to send</source>
        <translation>叶节点：无需继续传递</translation>
    </message>
    <message>
        <source>forward: {label} = {call} = {value}</source>
        <translation>前向：{label} = {call} = {value}</translation>
    </message>
    <message>
        <source>its gradient is complete, pass it on</source>
        <translation>它的梯度已累加完毕，继续向前传递</translation>
    </message>
    <message>
        <source>scalar</source>
        <translation>标量</translation>
    </message>
    <message>
        <source>shape ({dims})</source>
        <translation>形状 ({dims})</translation>
    </message>
    <message>
        <source>start backward: {label}.grad = ones of {shape} (as if the output were summed)</source>
        <translation>开始反向传播：{label}.grad = 全 1 张量，{shape}（相当于先对输出求和）</translation>
    </message>
    <message>
        <source>start backward: {label}.grad = {value}  (∂{label}/∂{label} = 1)</source>
        <translation>开始反向传播：{label}.grad = {value}  （∂{label}/∂{label} = 1）</translation>
    </message>
    <message>
        <source>visit {label}: gradient {grad} — {what}</source>
        <translation>访问 {label}：梯度 {grad} —— {what}</translation>
    </message>
    <message>
        <source>{label}.grad accumulates: {sum}  (another path)</source>
        <translation>{label}.grad 累加：{sum}  （另一条路径）</translation>
    </message>
    <message>
        <source>{shape} tensor (empty)</source>
        <translation>{shape} 张量（空）</translation>
    </message>
    <message>
        <source>{shape} tensor {numbers}</source>
        <translation>{shape} 张量 {numbers}</translation>
    </message>
    <message>
        <source>{src} → {dst} gets {numbers}: {rule};  sends {what}</source>
        <translation>{src} → {dst} 得到 {numbers}：{rule}；  传出{what}</translation>
    </message>
    <message>
        <source>{src} → {dst}: {rule};  sends {grad_in} × local = {grad_out}</source>
        <translation>{src} → {dst}：{rule}；  传出 {grad_in} × 局部导数 = {grad_out}</translation>
    </message>
    <message>
        <source>{src} → {dst}: {rule};  sends {grad} (summed over the broadcast)</source>
        <translation>{src} → {dst}：{rule}；  传出 {grad}（沿广播的维度求和）</translation>
    </message>
    <message>
        <source>{src} → {dst}: {rule};  sends {what} = {grad}</source>
        <translation>{src} → {dst}：{rule}；  传出{what} = {grad}</translation>
    </message>
</context>
<context>
    <name>Themes</name>
    <message>
        <source>dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>projector</source>
        <translation>投影</translation>
    </message>
</context>
</TS>
