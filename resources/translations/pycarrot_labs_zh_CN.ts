<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Datasets</name>
    <message>
        <source>Above or below a cubic</source>
        <translation>在三次曲线上方或下方</translation>
    </message>
    <message>
        <source>Above or below sin</source>
        <translation>在 sin 曲线上方或下方</translation>
    </message>
    <message>
        <source>Above or below |x|</source>
        <translation>在 |x| 上方或下方</translation>
    </message>
    <message>
        <source>Circles</source>
        <translation>同心圆</translation>
    </message>
    <message>
        <source>Drawn points</source>
        <translation>手绘的点</translation>
    </message>
    <message>
        <source>Handwritten digits (8×8)</source>
        <translation>手写数字（8×8）</translation>
    </message>
    <message>
        <source>Regression: fit sin x</source>
        <translation>回归：拟合 sin x</translation>
    </message>
    <message>
        <source>Spiral (3 classes)</source>
        <translation>螺旋（3 类）</translation>
    </message>
    <message>
        <source>Two blobs</source>
        <translation>两团点</translation>
    </message>
    <message>
        <source>Two moons</source>
        <translation>双月形</translation>
    </message>
    <message>
        <source>XOR</source>
        <translation>异或（XOR）</translation>
    </message>
    <message>
        <source>at most {MAX_DRAWN} drawn points</source>
        <translation>最多画 {MAX_DRAWN} 个点</translation>
    </message>
    <message>
        <source>cannot read the digits file {name}: {exc}</source>
        <translation>无法读取手写数字文件 {name}：{exc}</translation>
    </message>
    <message>
        <source>class to draw: 0 to {value}, got {label!r}</source>
        <translation>要画的类别：0 到 {value}，实际为 {label!r}</translation>
    </message>
    <message>
        <source>dataset: unknown kind {kind!r} (choose from {names})</source>
        <translation>数据集：未知类型 {kind!r}（可选 {names}）</translation>
    </message>
    <message>
        <source>draw at least one point of two different classes (click; pick the class first)</source>
        <translation>请至少为两个不同类别各画一个点（先选类别，再点击）</translation>
    </message>
    <message>
        <source>noise: 0 to {MAX_NOISE:g}, got {noise!r}</source>
        <translation>噪声：0 到 {MAX_NOISE:g}，实际为 {noise!r}</translation>
    </message>
    <message>
        <source>points go inside the plane (−{PLANE:g} to {PLANE:g}), got ({x1:g}, {x2:g})</source>
        <translation>点必须在平面内（−{PLANE:g} 到 {PLANE:g}），实际为 ({x1:g}, {x2:g})</translation>
    </message>
    <message>
        <source>regression</source>
        <translation>回归</translation>
    </message>
    <message>
        <source>samples: a whole number, got {samples!r}</source>
        <translation>样本数：应为整数，实际为 {samples!r}</translation>
    </message>
    <message>
        <source>samples: {MIN_SAMPLES} to {MAX_SAMPLES}, got {samples}</source>
        <translation>样本数：{MIN_SAMPLES} 到 {MAX_SAMPLES}，实际为 {samples}</translation>
    </message>
    <message>
        <source>seed: a whole number from 0 to {value}, got {seed!r}</source>
        <translation>随机种子：0 到 {value} 的整数，实际为 {seed!r}</translation>
    </message>
    <message>
        <source>target {target_name!r} has {n} different values; classes need 2 to 10 (untick &apos;classes&apos; to fit the numbers instead)</source>
        <translation>目标列 {target_name!r} 有 {n} 个不同的值；分类需要 2 到 10 类（取消勾选“分类”即可改为拟合数值）</translation>
    </message>
    <message>
        <source>test share: 0 to 0.9 (0 % to 90 %), got {test_fraction!r}</source>
        <translation>测试集比例：0 到 0.9（0 % 到 90 %），实际为 {test_fraction!r}</translation>
    </message>
    <message>
        <source>the test share leaves no training points; draw more or lower the test share</source>
        <translation>按此测试集比例，训练集中没有点了；请多画些点或调低测试集比例</translation>
    </message>
    <message>
        <source>the test share leaves no training rows; lower it</source>
        <translation>按此测试集比例，训练集中没有行了；请调低比例</translation>
    </message>
    <message>
        <source>the training set needs at least one sample, got shape {shape}</source>
        <translation>训练集至少需要一个样本，实际形状为 {shape}</translation>
    </message>
    <message>
        <source>train and test sets have different numbers of inputs</source>
        <translation>训练集和测试集的输入数不同</translation>
    </message>
    <message>
        <source>{name} is larger than {value} kB; it is not the digits file</source>
        <translation>{name} 大于 {value} kB；这不是手写数字文件</translation>
    </message>
    <message>
        <source>{name} is not a table of numbers: {exc}</source>
        <translation>{name} 不是数字表格：{exc}</translation>
    </message>
    <message>
        <source>{name} should have 65 columns (64 pixels and the label); it has {value}</source>
        <translation>{name} 应有 65 列（64 个像素和标签）；实际有 {value} 列</translation>
    </message>
    <message>
        <source>{name} unpacks to more than {value} MB; refused</source>
        <translation>{name} 解压后超过 {value} MB；已拒绝</translation>
    </message>
    <message>
        <source>{name}: pixels must be 0–16 and labels 0–9</source>
        <translation>{name}：像素值必须在 0–16 之间，标签必须在 0–9 之间</translation>
    </message>
    <message>
        <source>{n} classes</source>
        <translation>{n} 类</translation>
    </message>
    <message>
        <source>{title}: {train} train + {test} test samples · {inputs} inputs · {task}</source>
        <translation>{title}：训练样本 {train} 个 + 测试样本 {test} 个 · {inputs} 个输入 · {task}</translation>
    </message>
</context>
<context>
    <name>LessonController</name>
    <message>
        <source>Cannot open the lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot show the scene</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Network lab cannot take this lesson: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LessonFile</name>
    <message>
        <source>a lesson holds exactly {json} and {arrays}; this file holds {shown}</source>
        <translation>课件应恰好包含 {json} 和 {arrays}；此文件包含 {shown}</translation>
    </message>
    <message>
        <source>a lesson needs at least one scene</source>
        <translation>课件至少需要一个场景</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>一个列表</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>一个数</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>一个对象</translation>
    </message>
    <message>
        <source>any</source>
        <translation>任意</translation>
    </message>
    <message>
        <source>any shape</source>
        <translation>任意形状</translation>
    </message>
    <message>
        <source>arrays.npz holds arrays no scene uses: {names}</source>
        <translation>arrays.npz 中有没有任何场景使用的数组：{names}</translation>
    </message>
    <message>
        <source>cannot open {path!r}: {reason}</source>
        <translation>无法打开 {path!r}：{reason}</translation>
    </message>
    <message>
        <source>cannot save {path!r}: {reason}</source>
        <translation>无法保存 {path!r}：{reason}</translation>
    </message>
    <message>
        <source>corrupt or truncated file ({error})</source>
        <translation>文件已损坏或不完整（{error}）</translation>
    </message>
    <message>
        <source>current scene {current} does not exist ({n} scenes)</source>
        <translation>当前场景 {current} 不存在（共 {n} 个场景）</translation>
    </message>
    <message>
        <source>expected a list, found {kind}</source>
        <translation>应为列表，却是{kind}</translation>
    </message>
    <message>
        <source>expected a number, found {kind}</source>
        <translation>应为数字，却是{kind}</translation>
    </message>
    <message>
        <source>expected a row of {width} text cells</source>
        <translation>应为一行 {width} 个文本单元格</translation>
    </message>
    <message>
        <source>expected a whole number, found {kind}</source>
        <translation>应为整数，却是{kind}</translation>
    </message>
    <message>
        <source>expected an array of shape {want}, got {shape}</source>
        <translation>应为形状 {want} 的数组，实际为 {shape}</translation>
    </message>
    <message>
        <source>expected an object, found {kind}</source>
        <translation>应为对象，却是{kind}</translation>
    </message>
    <message>
        <source>expected text of at most {limit:,} characters</source>
        <translation>应为至多 {limit:,} 个字符的文本</translation>
    </message>
    <message>
        <source>expected text, found {kind}</source>
        <translation>应为文本，却是{kind}</translation>
    </message>
    <message>
        <source>expected true or false, found {kind}</source>
        <translation>应为 true 或 false，却是{kind}</translation>
    </message>
    <message>
        <source>it is a Python pickle; pickles can run code when loaded, so PyCarrot never opens them</source>
        <translation>这是 Python pickle 文件；pickle 在加载时可能执行代码，因此 PyCarrot 从不打开它</translation>
    </message>
    <message>
        <source>it is a folder, not a lesson file</source>
        <translation>这是文件夹，不是课件文件</translation>
    </message>
    <message>
        <source>its text would take {n:,} bytes, more than the {limit:,} allowed</source>
        <translation>其文本将占 {n:,} 字节，超过允许的 {limit:,} 字节</translation>
    </message>
    <message>
        <source>made by a newer PyCarrot (version {version}); this one reads lessons up to version {supported}</source>
        <translation>由更新版本的 PyCarrot 创建（版本 {version}）；当前版本只能读取版本 {supported} 及以下的课件</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>不能为空</translation>
    </message>
    <message>
        <source>not a PyCarrot lesson (its format is {format!r})</source>
        <translation>不是 PyCarrot 课件（其格式为 {format!r}）</translation>
    </message>
    <message>
        <source>not a PyCarrot lesson (no zip signature)</source>
        <translation>不是 PyCarrot 课件（没有 zip 文件头）</translation>
    </message>
    <message>
        <source>not a regular file (a pipe, device or socket)</source>
        <translation>不是普通文件（而是管道、设备或套接字）</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>空</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>scene {n}</source>
        <translation>场景 {n}</translation>
    </message>
    <message>
        <source>scene {title!r} shows the {lab} lab but holds no state for it</source>
        <translation>场景 {title!r} 显示 {lab} 实验，却没有保存它的状态</translation>
    </message>
    <message>
        <source>scene {title!r}: unknown lab {lab!r} (one of {labs})</source>
        <translation>场景 {title!r}：未知的实验 {lab!r}（应为 {labs} 之一）</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>the array {ref!r} has shape {shape}, expected {want}</source>
        <translation>数组 {ref!r} 的形状是 {shape}，应为 {want}</translation>
    </message>
    <message>
        <source>the array {ref!r} holds {dtype}, expected {want}</source>
        <translation>数组 {ref!r} 的类型是 {dtype}，应为 {want}</translation>
    </message>
    <message>
        <source>the array {ref!r} is not in the file</source>
        <translation>文件中没有数组 {ref!r}</translation>
    </message>
    <message>
        <source>the array {ref!r} is used twice</source>
        <translation>数组 {ref!r} 被使用了两次</translation>
    </message>
    <message>
        <source>the field {key!r} is missing</source>
        <translation>缺少字段 {key!r}</translation>
    </message>
    <message>
        <source>there is no such file</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <source>true/false</source>
        <translation>true/false</translation>
    </message>
    <message>
        <source>two arrays would be stored under {key!r}</source>
        <translation>两个数组将以同一个键 {key!r} 保存</translation>
    </message>
    <message>
        <source>unknown field {names}</source>
        <translation>未知字段 {names}</translation>
    </message>
    <message>
        <source>unknown fields {names}</source>
        <translation>未知字段 {names}</translation>
    </message>
    <message>
        <source>unreadable file ({error})</source>
        <translation>无法读取的文件（{error}）</translation>
    </message>
    <message>
        <source>{file} ends early</source>
        <translation>{file} 提前结束</translation>
    </message>
    <message>
        <source>{file} holds {name}, which is not JSON</source>
        <translation>{file} 中含有 {name}，这不是合法的 JSON</translation>
    </message>
    <message>
        <source>{file} is nested too deeply</source>
        <translation>{file} 嵌套层数过深</translation>
    </message>
    <message>
        <source>{file} is not UTF-8 text</source>
        <translation>{file} 不是 UTF-8 文本</translation>
    </message>
    <message>
        <source>{file} is not valid JSON (line {line}, column {column}: {error})</source>
        <translation>{file} 不是合法的 JSON（第 {line} 行，第 {column} 列：{error}）</translation>
    </message>
    <message>
        <source>{n:,} characters, more than the {limit:,} allowed</source>
        <translation>{n:,} 个字符，超过允许的 {limit:,} 个</translation>
    </message>
    <message>
        <source>{n:,} entries, more than the {limit:,} allowed</source>
        <translation>{n:,} 项，超过允许的 {limit:,} 项</translation>
    </message>
    <message>
        <source>{name} claims {n:,} bytes from {packed:,} (a zip bomb?)</source>
        <translation>{name} 声称由 {packed:,} 字节解压出 {n:,} 字节（zip 炸弹？）</translation>
    </message>
    <message>
        <source>{name} holds {n:,} bytes but declares {declared:,}</source>
        <translation>{name} 实际有 {n:,} 字节，但声明为 {declared:,} 字节</translation>
    </message>
    <message>
        <source>{name} is encrypted; lessons never are</source>
        <translation>{name} 已加密；课件从不加密</translation>
    </message>
    <message>
        <source>{name} uses compression method {method}; only stored and deflate</source>
        <translation>{name} 使用压缩方法 {method}；只支持 stored 和 deflate</translation>
    </message>
    <message>
        <source>{name} would unpack to {n:,} bytes, more than the {limit:,} allowed</source>
        <translation>{name} 解压后为 {n:,} 字节，超过允许的 {limit:,} 字节</translation>
    </message>
    <message>
        <source>{scene} ({title!r})</source>
        <translation>{scene}（{title!r}）</translation>
    </message>
    <message>
        <source>{value!r} is not a finite number from {lo:g} to {hi:g}</source>
        <translation>{value!r} 不是 {lo:g} 到 {hi:g} 之间的有限数</translation>
    </message>
    <message>
        <source>{value!r} is not one of {choices}</source>
        <translation>{value!r} 不是 {choices} 之一</translation>
    </message>
    <message>
        <source>{value} is outside {lo} to {hi}</source>
        <translation>{value} 不在 {lo} 到 {hi} 之间</translation>
    </message>
</context>
<context>
    <name>LrAdvice</name>
    <message>
        <source> (without momentum)</source>
        <translation>（不含动量）</translation>
    </message>
    <message>
        <source> + weight decay {wd:g}</source>
        <translation> + 权重衰减 {wd:g}</translation>
    </message>
    <message>
        <source> is the largest eigenvalue of the loss&apos;s Hessian 2·XᵀX/n</source>
        <translation> 是损失的黑塞矩阵 2·XᵀX/n 的最大特征值</translation>
    </message>
    <message>
        <source>, where λ_max = {value}</source>
        <translation>，其中 λ_max = {value}</translation>
    </message>
    <message>
        <source>2(1 + β)/λ_max with momentum β = {beta:g}</source>
        <translation>2(1 + β)/λ_max，动量 β = {beta:g}</translation>
    </message>
    <message>
        <source>2/λ_max</source>
        <translation>2/λ_max</translation>
    </message>
    <message>
        <source>; {suggested:g} is a cautious choice.</source>
        <translation>；{suggested:g} 是稳妥的选择。</translation>
    </message>
    <message>
        <source>Adam has no limit from the curvature: each step moves a weight by about the learning rate, so a large rate makes the weights jitter by about that much rather than blow up.</source>
        <translation>Adam 没有由曲率决定的上限：每一步让权重移动大约一个学习率，所以学习率大时权重会以这个幅度抖动，而不会爆炸。</translation>
    </message>
    <message>
        <source>Learning rate {lr:g} is too high: set a smaller one, e.g. {value:g}</source>
        <translation>学习率 {lr:g} 太大：请设得更小，例如 {value:g}</translation>
    </message>
    <message>
        <source>Learning rate {lr:g} is {where} the whole data&apos;s limit {edge}; with mini-batches a step can overshoot above {value} (a batch can curve more sharply than the whole data). Set a smaller one, e.g. {try_lr:g}</source>
        <translation>学习率 {lr:g} {where}全体数据的上限 {edge}；使用小批量时，学习率超过 {value} 就可能越过最低点（一个批次的曲率可能比全体数据更大）。请设得更小，例如 {try_lr:g}</translation>
    </message>
    <message>
        <source>On this data full-batch SGD diverges above lr = {value}; {suggested:g} converges.</source>
        <translation>在这组数据上，全批量 SGD 在 lr 高于 {value} 时发散；{suggested:g} 会收敛。</translation>
    </message>
    <message>
        <source>On this data full-batch SGD diverges above {edge}: learning rate {lr:g} is {where}. Set a smaller one, e.g. {try_lr:g}</source>
        <translation>在这组数据上，全批量 SGD 在高于 {edge} 时发散：学习率 {lr:g} {where}。请设得更小，例如 {try_lr:g}</translation>
    </message>
    <message>
        <source>The data is too large to compute a limit: standardise the features.</source>
        <translation>数据数值太大，无法计算上限：请将特征标准化。</translation>
    </message>
    <message>
        <source>The whole data diverges above lr = {value}; with batches of {batch_size} that is a guide only (each batch curves differently). Below {value2} no batch&apos;s step overshoots</source>
        <translation>全体数据在 lr 高于 {value} 时发散；批大小为 {batch_size} 时这只是参考（每个批次的曲率不同）。低于 {value2} 时任何批次的一步都不会越过最低点</translation>
    </message>
    <message>
        <source>above</source>
        <translation>高于</translation>
    </message>
    <message>
        <source>above it</source>
        <translation>高于它</translation>
    </message>
    <message>
        <source>at its edge</source>
        <translation>正处于边界上</translation>
    </message>
    <message>
        <source>below</source>
        <translation>低于</translation>
    </message>
    <message>
        <source>lr = {value} (that is {why})</source>
        <translation>lr = {value}（即 {why}）</translation>
    </message>
</context>
<context>
    <name>ModelFile</name>
    <message>
        <source>it has only one of {mean_key} and {std_key}</source>
        <translation>它只有 {mean_key} 和 {std_key} 之一</translation>
    </message>
    <message>
        <source>its features were standardised: the weights were converted to raw units</source>
        <translation>其特征曾被标准化：权重已换算为原始单位</translation>
    </message>
    <message>
        <source>its standardisation ({mean_key} {shape}, {std_key} {shape2}) does not fit a weight of {value} feature(s), or a deviation is not positive</source>
        <translation>其标准化参数（{mean_key} {shape}，{std_key} {shape2}）与 {value} 个特征的权重不匹配，或有标准差不为正</translation>
    </message>
    <message>
        <source>its standardisation was applied (the weights converted to this data&apos;s standardised units)</source>
        <translation>已应用其标准化（权重已换算为这组数据的标准化单位）</translation>
    </message>
</context>
<context>
    <name>NetworkBackward</name>
    <message>
        <source> · all layers done, Step applies them</source>
        <translation> · 所有层已完成，按“单步”应用更新</translation>
    </message>
    <message>
        <source>1 sample</source>
        <translation>1 个样本</translation>
    </message>
    <message>
        <source>Backward {p} of {n}: layer {n2} of {layers} — ∂L/∂W{sub} on its lines</source>
        <translation>反向传播 {p}/{n}：第 {n2} 层（共 {layers} 层）— 连线显示 ∂L/∂W{sub}</translation>
    </message>
    <message>
        <source>Forward state (step {value}, {batch}): lines show the weights. Press ▸ to step backward() layer by layer.</source>
        <translation>前向状态（第 {value} 步，{batch}）：连线显示权重。按 ▸ 逐层执行 backward()。</translation>
    </message>
    <message>
        <source>{n} samples</source>
        <translation>{n} 个样本</translation>
    </message>
</context>
<context>
    <name>NetworkLab</name>
    <message>
        <source>{name}: {rows} rows, {columns} columns</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NetworkSession</name>
    <message>
        <source>Finished {steps_done} steps. </source>
        <translation>已完成 {steps_done} 步。</translation>
    </message>
    <message>
        <source>Ready: {network}. Press Train (Space) or Step.</source>
        <translation>就绪：{network}。按“训练”（空格键）或“单步”。</translation>
    </message>
    <message>
        <source>Step {steps_done} (epoch {epoch:.1f}): {loss} {last:.4g} · </source>
        <translation>第 {steps_done} 步（第 {epoch:.1f} 轮）：{loss} {last:.4g} · </translation>
    </message>
    <message>
        <source>The loss became {last} at step {diverged_step}: training stopped. The learning rate {learning_rate:g} is too high for this network; try {value:g} and press Reset.</source>
        <translation>损失在第 {diverged_step} 步变为 {last}：训练已停止。学习率 {learning_rate:g} 对这个网络太大；试试 {value:g}，然后按“重置”。</translation>
    </message>
    <message>
        <source>a weight must be a finite number, got {value}</source>
        <translation>权重必须是有限数，实际为 {value}</translation>
    </message>
    <message>
        <source>activation maps need 2-D inputs</source>
        <translation>激活图需要二维输入</translation>
    </message>
    <message>
        <source>grid: 2 to 400 points per side, got {grid}</source>
        <translation>网格：每边 2 到 400 个点，实际为 {grid}</translation>
    </message>
    <message>
        <source>layer {layer} does not exist (0 to {value})</source>
        <translation>第 {layer} 层不存在（0 到 {value}）</translation>
    </message>
    <message>
        <source>layer {layer} has weights [0..{value}, 0..{value2}]; got [{i}, {j}]</source>
        <translation>第 {layer} 层的权重下标为 [0..{value}, 0..{value2}]；实际为 [{i}, {j}]</translation>
    </message>
    <message>
        <source>no</source>
        <translation>无</translation>
    </message>
    <message>
        <source>no test set</source>
        <translation>无测试集</translation>
    </message>
    <message>
        <source>test {value:.1f} %</source>
        <translation>测试集 {value:.1f} %</translation>
    </message>
    <message>
        <source>the network expects {inputs} inputs and {classes} classes; the data has {data_inputs} inputs and {data_classes} classes</source>
        <translation>网络需要 {inputs} 个输入、{classes} 类；数据有 {data_inputs} 个输入、{data_classes} 类</translation>
    </message>
    <message>
        <source>this data has no input plane (more than two inputs)</source>
        <translation>这组数据没有输入平面（输入多于两个）</translation>
    </message>
    <message>
        <source>this network is for {inputs} inputs and {classes} classes; the data has {data_inputs} inputs and {data_classes} classes</source>
        <translation>此网络对应 {inputs} 个输入、{classes} 类；数据有 {data_inputs} 个输入、{data_classes} 类</translation>
    </message>
    <message>
        <source>train loss {tr_loss:.4g} · test loss {te_loss:.4g}</source>
        <translation>训练损失 {tr_loss:.4g} · 测试损失 {te_loss:.4g}</translation>
    </message>
    <message>
        <source>train {value:.1f} % · {test}</source>
        <translation>训练集 {value:.1f} % · {test}</translation>
    </message>
    <message>
        <source>{name} does not fit this {widths} network: {exc}</source>
        <translation>{name} 与这个 {widths} 网络不匹配：{exc}</translation>
    </message>
    <message>
        <source>{name}: {key} holds NaN or infinite values; nothing was loaded</source>
        <translation>{name}：{key} 含有 NaN 或无穷大；未加载任何内容</translation>
    </message>
</context>
<context>
    <name>NetworkSpec</name>
    <message>
        <source>&apos;none&apos; or &apos;sigmoid&apos;, got {value!r}</source>
        <translation>应为 &apos;none&apos; 或 &apos;sigmoid&apos;，实际为 {value!r}</translation>
    </message>
    <message>
        <source>0 (regression) or 2 to {max} classes, got {value!r} (1 class is no task)</source>
        <translation>0（回归）或 2 到 {max} 类，实际为 {value!r}（1 类不构成任务）</translation>
    </message>
    <message>
        <source>0 (the whole set) to {max} samples, got {value!r}</source>
        <translation>0（整个训练集）到 {max} 个样本，实际为 {value!r}</translation>
    </message>
    <message>
        <source>0 or more, got {value!r}</source>
        <translation>应不小于 0，实际为 {value!r}</translation>
    </message>
    <message>
        <source>Adam keeps its own moments; momentum is for SGD (set it to 0)</source>
        <translation>Adam 自带动量估计；动量参数只用于 SGD（请设为 0）</translation>
    </message>
    <message>
        <source>BCE with logits</source>
        <translation>带 logits 的 BCE</translation>
    </message>
    <message>
        <source>BCE with logits is for two classes; {n} classes use cross-entropy</source>
        <translation>带 logits 的 BCE 用于二分类；{n} 类使用交叉熵</translation>
    </message>
    <message>
        <source>Cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <source>PyTorch-style uniform</source>
        <translation>PyTorch 式均匀分布</translation>
    </message>
    <message>
        <source>a feature is chosen twice</source>
        <translation>有特征被选了两次</translation>
    </message>
    <message>
        <source>a number above 0 and at most 10, got {value!r}</source>
        <translation>应为大于 0 且不超过 10 的数，实际为 {value!r}</translation>
    </message>
    <message>
        <source>a whole number from 0 to {max}, got {value!r}</source>
        <translation>应为 0 到 {max} 的整数，实际为 {value!r}</translation>
    </message>
    <message>
        <source>at least 0 and below 1, got {value!r}</source>
        <translation>应不小于 0 且小于 1，实际为 {value!r}</translation>
    </message>
    <message>
        <source>at most {max} hidden layers, got {n}</source>
        <translation>最多 {max} 个隐藏层，实际为 {n}</translation>
    </message>
    <message>
        <source>cross-entropy with {n} output is impossible (softmax over one number is always 1); two classes use 1 output with BCE with logits</source>
        <translation>{n} 个输出无法使用交叉熵（对单个数做 softmax 恒为 1）；二分类使用 1 个输出和带 logits 的 BCE</translation>
    </message>
    <message>
        <source>derived features (x₁², sin x₁, …) are for 1-D or 2-D data; this has {n} inputs</source>
        <translation>派生特征（x₁²、sin x₁ 等）只用于一维或二维数据；这组数据有 {n} 个输入</translation>
    </message>
    <message>
        <source>layer {layer} needs {lo} to {hi} neurons, got {value!r}</source>
        <translation>第 {layer} 层需要 {lo} 到 {hi} 个神经元，实际为 {value!r}</translation>
    </message>
    <message>
        <source>linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>scaled normal</source>
        <translation>缩放正态分布</translation>
    </message>
    <message>
        <source>the data needs 1 to {max} input columns, got {value!r}</source>
        <translation>数据需要 1 到 {max} 个输入列，实际为 {value!r}</translation>
    </message>
    <message>
        <source>the original&apos;s N(0, 1)</source>
        <translation>原项目的 N(0, 1)</translation>
    </message>
    <message>
        <source>unknown activation {name!r} (choose from {choices})</source>
        <translation>未知的激活函数 {name!r}（可选 {choices}）</translation>
    </message>
    <message>
        <source>unknown feature {name!r} (choose from {choices})</source>
        <translation>未知的特征 {name!r}（可选 {choices}）</translation>
    </message>
    <message>
        <source>unknown initialisation {name!r} (choose from {choices})</source>
        <translation>未知的初始化方式 {name!r}（可选 {choices}）</translation>
    </message>
    <message>
        <source>unknown loss {name!r} (choose from {choices})</source>
        <translation>未知的损失函数 {name!r}（可选 {choices}）</translation>
    </message>
    <message>
        <source>unknown optimiser {name!r} (choose SGD or Adam)</source>
        <translation>未知的优化器 {name!r}（请选 SGD 或 Adam）</translation>
    </message>
    <message>
        <source>zeros</source>
        <translation>全零</translation>
    </message>
    <message>
        <source>{loss} applies the sigmoid/softmax itself: no output activation</source>
        <translation>{loss} 自身已包含 sigmoid/softmax：输出层不需要激活函数</translation>
    </message>
    <message>
        <source>{loss} needs class labels; a regression target uses MSE</source>
        <translation>{loss} 需要类别标签；回归目标使用 MSE</translation>
    </message>
    <message>
        <source>{name} needs a second input; this data has one (x₁)</source>
        <translation>{name} 需要第二个输入；这组数据只有一个（x₁）</translation>
    </message>
</context>
<context>
    <name>NetworkView</name>
    <message>
        <source>A weight must be a finite number.</source>
        <translation>权重必须是有限数。</translation>
    </message>
    <message>
        <source>Type a number, e.g. 0.5 or -1.2 (Escape keeps the weight).</source>
        <translation>请输入一个数，例如 0.5 或 -1.2（按 Esc 保留原权重）。</translation>
    </message>
    <message>
        <source>layer {value} lit: its lines show ∂L/∂w — orange +, grey −, width |∂L/∂w|</source>
        <translation>第 {value} 层高亮：连线显示 ∂L/∂w — 橙色为 +，灰色为 −，粗细表示 |∂L/∂w|</translation>
    </message>
    <message>
        <source>neuron {value} of layer {layer}</source>
        <translation>第 {layer} 层第 {value} 个神经元</translation>
    </message>
    <message>
        <source>not computed yet (run a backward pass)</source>
        <translation>尚未计算（请先运行一次反向传播）</translation>
    </message>
    <message>
        <source>w[{i}, {j}] of layer {value}: {src} → neuron {value2} of layer {value}
weight  {value3}
∂L/∂w  {grad_text}
Click to type a new weight.</source>
        <translation>第 {value} 层的 w[{i}, {j}]：{src} → 第 {value} 层第 {value2} 个神经元
权重  {value3}
∂L/∂w  {grad_text}
点击输入新的权重。</translation>
    </message>
    <message>
        <source>weights: blue +, grey −, width |w| · point at a line to read it, click to change it</source>
        <translation>权重：蓝色为 +，灰色为 −，粗细表示 |w| · 指向连线可查看，点击可修改</translation>
    </message>
    <message>
        <source>{value} is too large for a weight (at most 1e6 in size).</source>
        <translation>{value} 作为权重太大（绝对值最多 1e6）。</translation>
    </message>
    <message>
        <source>“{value}” is not a number: type e.g. 0.5 or -1.2.</source>
        <translation>“{value}”不是数：请输入例如 0.5 或 -1.2。</translation>
    </message>
</context>
<context>
    <name>Presets</name>
    <message>
        <source>64 pixels in, 10 digits out. With scaled initialisation, tanh and cross-entropy it passes 95 % of the held-out images within a few hundred steps.</source>
        <translation>输入 64 个像素，输出 10 个数字。采用缩放初始化、tanh 和交叉熵，几百步内在留出的测试图像上准确率超过 95 %。</translation>
    </message>
    <message>
        <source>Circles</source>
        <translation>同心圆</translation>
    </message>
    <message>
        <source>Cross-entropy loss</source>
        <translation>交叉熵损失</translation>
    </message>
    <message>
        <source>Digits</source>
        <translation>手写数字</translation>
    </message>
    <message>
        <source>MSE on a sigmoid output multiplies the error by σ′(z): a confidently wrong output gets almost no gradient. Softmax cross-entropy&apos;s gradient is softmax − one-hot: the more wrong, the larger.</source>
        <translation>对 sigmoid 输出使用 MSE 时，误差要乘以 σ′(z)：错得很“自信”的输出几乎得不到梯度。softmax 交叉熵的梯度是 softmax − one-hot：错得越多，梯度越大。</translation>
    </message>
    <message>
        <source>No straight line separates the quadrants: watch the hidden neurons each draw one line and the next layer combine them.</source>
        <translation>没有一条直线能分开这几个象限：观察每个隐藏神经元各画一条直线，下一层再把它们组合起来。</translation>
    </message>
    <message>
        <source>One input, one output: the curve is the network&apos;s output over x.</source>
        <translation>一个输入，一个输出：曲线就是网络输出随 x 的变化。</translation>
    </message>
    <message>
        <source>Regression: sin x</source>
        <translation>回归：sin x</translation>
    </message>
    <message>
        <source>Scaled initialisation</source>
        <translation>缩放初始化</translation>
    </message>
    <message>
        <source>Spiral</source>
        <translation>螺旋</translation>
    </message>
    <message>
        <source>Tanh instead of sigmoid</source>
        <translation>用 tanh 代替 sigmoid</translation>
    </message>
    <message>
        <source>The original project trained 784-32-10 with sigmoids, MSE and weights from N(0, 1), and its loss sat at 0.90. Here the same recipe on the 8×8 digits (64-32-10) stays at chance — about 9 % of the test images right after 1,000 steps: the hidden sigmoids are saturated, and the gradient-health plot shows the first layer&apos;s gradient about 20 times smaller than the fixed network&apos;s. Apply all three fixes and the same network reaches about 96 % in the same 1,000 steps.</source>
        <translation>原项目用 sigmoid、MSE 和从 N(0, 1) 抽取的权重训练 784-32-10 网络，损失停在 0.90。这里在 8×8 手写数字上用同样的配方（64-32-10），1,000 步后仍停留在随机猜测水平——测试图像只有约 9 % 判对：隐藏层的 sigmoid 已经饱和，梯度健康图显示第一层的梯度比修正后的网络小约 20 倍。三项修正全部应用后，同一网络在同样的 1,000 步内可达约 96 %。</translation>
    </message>
    <message>
        <source>The original&apos;s network</source>
        <translation>原项目的网络</translation>
    </message>
    <message>
        <source>Three classes, three arms: the output layer has 3 neurons and softmax cross-entropy picks one.</source>
        <translation>三类，三条旋臂：输出层有 3 个神经元，由 softmax 交叉熵选出其中之一。</translation>
    </message>
    <message>
        <source>Weights drawn from N(0, 1) make each of the 32 hidden neurons sum 64 inputs into numbers spread about ±4 (half of them beyond ±3): the sigmoid sits flat at 0 or 1, where its slope is almost 0. Drawing them with standard deviation √(1/64) keeps the sums near 0, where the sigmoid still has a slope.</source>
        <translation>从 N(0, 1) 抽取的权重使 32 个隐藏神经元各自把 64 个输入加成分布在约 ±4 的数（其中一半超出 ±3）：sigmoid 停在 0 或 1 的平坦处，斜率几乎为 0。改用标准差 √(1/64) 抽取权重，加权和保持在 0 附近，sigmoid 在那里仍有斜率。</translation>
    </message>
    <message>
        <source>With x₁² and x₂² as inputs a circle is a straight line: two neurons are enough.</source>
        <translation>以 x₁² 和 x₂² 为输入时，圆就变成了直线：两个神经元就够了。</translation>
    </message>
    <message>
        <source>XOR</source>
        <translation>异或（XOR）</translation>
    </message>
    <message>
        <source>σ′ is at most 0.25, so every sigmoid layer shrinks the gradient at least fourfold; tanh′ is 1 at 0 and tanh is centred on 0, so the next layer&apos;s inputs are not all positive.</source>
        <translation>σ′ 最大只有 0.25，所以每经过一个 sigmoid 层，梯度至少缩小到四分之一；tanh′ 在 0 处为 1，且 tanh 以 0 为中心，下一层的输入不会全是正数。</translation>
    </message>
</context>
<context>
    <name>TrainingData</name>
    <message>
        <source> (a decimal comma? write 1.5, not 1,5)</source>
        <translation>（是小数逗号吗？请写 1.5，而不是 1,5）</translation>
    </message>
    <message>
        <source> and {value:,} more</source>
        <translation> 等另外 {value:,} 列</translation>
    </message>
    <message>
        <source> · features standardised</source>
        <translation> · 特征已标准化</translation>
    </message>
    <message>
        <source>Features on very different scales: train as is (the loss diverges), then tick Standardise features.</source>
        <translation>各特征的尺度相差很大：先直接训练（损失会发散），再勾选“标准化特征”。</translation>
    </message>
    <message>
        <source>Houses → price (3 features)</source>
        <translation>房屋 → 价格（3 个特征）</translation>
    </message>
    <message>
        <source>No header row: the columns are called &apos;column 1&apos; and &apos;column 2&apos;. Hooke&apos;s law is a straight line.</source>
        <translation>没有表头行：各列名为“第 1 列”和“第 2 列”。胡克定律是一条直线。</translation>
    </message>
    <message>
        <source>One feature: watch the line swing into place. The first losses are huge; try Log y.</source>
        <translation>一个特征：看直线如何摆到位。最初的损失非常大；试试“对数 y 轴”。</translation>
    </message>
    <message>
        <source>Spring: mass → stretch (no header)</source>
        <translation>弹簧：质量 → 伸长量（无表头）</translation>
    </message>
    <message>
        <source>Study hours → exam score</source>
        <translation>学习时长 → 考试成绩</translation>
    </message>
    <message>
        <source>a dataset needs at least 2 samples</source>
        <translation>数据集至少需要 2 个样本</translation>
    </message>
    <message>
        <source>a feature column is chosen twice</source>
        <translation>有特征列被选了两次</translation>
    </message>
    <message>
        <source>at most {max_features} feature columns ({n:,} chosen)</source>
        <translation>最多 {max_features} 个特征列（已选 {n:,} 个）</translation>
    </message>
    <message>
        <source>cannot open {name}: {value}</source>
        <translation>无法打开 {name}：{value}</translation>
    </message>
    <message>
        <source>cannot read {name}: {value}</source>
        <translation>无法读取 {name}：{value}</translation>
    </message>
    <message>
        <source>choose at least one feature column</source>
        <translation>请至少选择一个特征列</translation>
    </message>
    <message>
        <source>column {value!r} cannot be both the target and a feature</source>
        <translation>列 {value!r} 不能既是目标又是特征</translation>
    </message>
    <message>
        <source>column {value}</source>
        <translation>第 {value} 列</translation>
    </message>
    <message>
        <source>number of features must be from 1 to {max_features}, got {n_features}</source>
        <translation>特征数必须在 1 到 {max_features} 之间，实际为 {n_features}</translation>
    </message>
    <message>
        <source>number of samples must be a whole number from 2 to {max_samples}, got {n_samples}</source>
        <translation>样本数必须是 2 到 {max_samples} 的整数，实际为 {n_samples}</translation>
    </message>
    <message>
        <source>one name per feature column is needed</source>
        <translation>每个特征列都需要一个名称</translation>
    </message>
    <message>
        <source>synthetic (seed {seed}, σ = {noise:g})</source>
        <translation>合成数据（种子 {seed}，σ = {noise:g}）</translation>
    </message>
    <message>
        <source>the chosen columns hold values</source>
        <translation>所选列中的值</translation>
    </message>
    <message>
        <source>these true slopes, intercept and noise make targets</source>
        <translation>这些真实斜率、截距和噪声生成的目标值</translation>
    </message>
    <message>
        <source>these true slopes, intercept and noise make targets too large for a float (they overflow to infinity; the largest is about {max:.1e}): use smaller numbers</source>
        <translation>这些真实斜率、截距和噪声生成的目标值超出了浮点数范围（溢出为无穷大；最大约为 {max:.1e}）：请使用更小的数</translation>
    </message>
    <message>
        <source>true slope {p!r} is not a number</source>
        <translation>真实斜率 {p!r} 不是数</translation>
    </message>
    <message>
        <source>true slope {p!r} must be finite</source>
        <translation>真实斜率 {p!r} 必须是有限数</translation>
    </message>
    <message>
        <source>true slopes, intercept and noise must be finite numbers</source>
        <translation>真实斜率、截距和噪声必须是有限数</translation>
    </message>
    <message>
        <source>type at least one true slope, e.g. 2 or 2, -1</source>
        <translation>请至少输入一个真实斜率，例如 2 或 2, -1</translation>
    </message>
    <message>
        <source>{n_samples} samples · features: {feats} · target: {target_name} · {source}</source>
        <translation>{n_samples} 个样本 · 特征：{feats} · 目标：{target_name} · {source}</translation>
    </message>
    <message>
        <source>{name} contains binary data; it is not a CSV file</source>
        <translation>{name} 含有二进制数据；不是 CSV 文件</translation>
    </message>
    <message>
        <source>{name} has more than {max_samples:,} data rows; the lab takes at most that many</source>
        <translation>{name} 的数据超过 {max_samples:,} 行；本实验最多读取这么多行</translation>
    </message>
    <message>
        <source>{name} has only one column; a target and at least one feature are needed</source>
        <translation>{name} 只有一列；需要一个目标列和至少一个特征列</translation>
    </message>
    <message>
        <source>{name} has two columns with the same name: {value} is column {value2} and column {value3}; rename one</source>
        <translation>{name} 中有两列同名：{value} 是第 {value2} 列，也是第 {value3} 列；请重命名其中一列</translation>
    </message>
    <message>
        <source>{name} has {n} data rows; at least 2 are needed</source>
        <translation>{name} 只有 {n} 行数据；至少需要 2 行</translation>
    </message>
    <message>
        <source>{name} is empty</source>
        <translation>{name} 是空文件</translation>
    </message>
    <message>
        <source>{name} is not a UTF-8 text file (is it really a CSV?)</source>
        <translation>{name} 不是 UTF-8 文本文件（它真的是 CSV 吗？）</translation>
    </message>
    <message>
        <source>{name} is not a regular file (a folder, pipe or device); choose a CSV file</source>
        <translation>{name} 不是普通文件（而是文件夹、管道或设备）；请选择 CSV 文件</translation>
    </message>
    <message>
        <source>{name} is not valid CSV (line {line_num}): {exc}</source>
        <translation>{name} 不是合法的 CSV（第 {line_num} 行）：{exc}</translation>
    </message>
    <message>
        <source>{name} is {value:.1f} MiB; the lab reads CSV files up to {value2} MiB</source>
        <translation>{name} 有 {value:.1f} MiB；本实验只读取不超过 {value2} MiB 的 CSV 文件</translation>
    </message>
    <message>
        <source>{name}, line {start}: row {value} has {n} cells but the first row (line {first_line}) has {n2}</source>
        <translation>{name}，第 {start} 行：第 {value} 行有 {n} 个单元格，但首行（第 {first_line} 行）有 {n2} 个</translation>
    </message>
    <message>
        <source>{role} column number {column} does not exist (the file has {n})</source>
        <translation>{role}列编号 {column} 不存在（文件共有 {n} 列）</translation>
    </message>
    <message>
        <source>{role} column {value} is not in the file (columns: {names}{more})</source>
        <translation>{role}列 {value} 不在文件中（各列：{names}{more}）</translation>
    </message>
    <message>
        <source>{size} true slopes given for {n_features} features; give one or one per feature</source>
        <translation>为 {n_features} 个特征给出了 {size} 个真实斜率；请给一个，或每个特征一个</translation>
    </message>
    <message>
        <source>{value} is not a finite number</source>
        <translation>{value} 不是有限数</translation>
    </message>
    <message>
        <source>{value} is not a number{value2}</source>
        <translation>{value} 不是数{value2}</translation>
    </message>
    <message>
        <source>{value}, line {value2}, column {value3}: {what}</source>
        <translation>{value}，第 {value2} 行，列 {value3}：{what}</translation>
    </message>
    <message>
        <source>{what} as large as {biggest:.3g}: their squares, which the loss adds up, overflow; use smaller numbers</source>
        <translation>{what}大到 {biggest:.3g}：损失要累加它们的平方，会溢出；请使用更小的数</translation>
    </message>
</context>
<context>
    <name>TrainingSession</name>
    <message>
        <source> Standardising the features (large values here) also helps.</source>
        <translation>将特征标准化（这里的数值很大）也会有帮助。</translation>
    </message>
    <message>
        <source>Finished {unit}: final loss {last:.6g}.</source>
        <translation>已完成 {unit}：最终损失 {last:.6g}。</translation>
    </message>
    <message>
        <source>Ready: press Train (Space) or Step.</source>
        <translation>就绪：按“训练”（空格键）或“单步”。</translation>
    </message>
    <message>
        <source>Step {steps_done}, loss {last:.6g}</source>
        <translation>第 {steps_done} 步，损失 {last:.6g}</translation>
    </message>
    <message>
        <source>Stopped at step {value}: loss {last:.6g} fell below {loss_threshold:g}.</source>
        <translation>在第 {value} 步停止：损失 {last:.6g} 已低于 {loss_threshold:g}。</translation>
    </message>
    <message>
        <source>The loss diverged at step {diverged_step} (it became {last}). {value}, and press Train for a new run.</source>
        <translation>损失在第 {diverged_step} 步发散（变为 {last}）。{value}，然后按“训练”重新开始。</translation>
    </message>
    <message>
        <source>batch size must be ≥ 0 (0 = full batch), got {batch_size}</source>
        <translation>批大小必须 ≥ 0（0 = 全批量），实际为 {batch_size}</translation>
    </message>
    <message>
        <source>learning rate must be a positive number, got {learning_rate}</source>
        <translation>学习率必须是正数，实际为 {learning_rate}</translation>
    </message>
    <message>
        <source>loss threshold must be ≥ 0, got {loss_threshold}</source>
        <translation>损失阈值必须 ≥ 0，实际为 {loss_threshold}</translation>
    </message>
    <message>
        <source>momentum must be in [0, 1), got {momentum}</source>
        <translation>动量必须在 [0, 1) 内，实际为 {momentum}</translation>
    </message>
    <message>
        <source>number of {unit} must be at least 1, got {budget}</source>
        <translation>{unit} 数至少为 1，实际为 {budget}</translation>
    </message>
    <message>
        <source>optimizer must be one of {names}, got {optimizer!r}</source>
        <translation>优化器必须是 {names} 之一，实际为 {optimizer!r}</translation>
    </message>
    <message>
        <source>step {step} is not in the history (0..{value})</source>
        <translation>第 {step} 步不在历史记录中（0..{value}）</translation>
    </message>
    <message>
        <source>the MSE surface is drawn for one feature only</source>
        <translation>MSE 曲面只能为单个特征绘制</translation>
    </message>
    <message>
        <source>unit must be &apos;steps&apos; or &apos;epochs&apos;, got {unit!r}</source>
        <translation>单位必须是 &apos;steps&apos; 或 &apos;epochs&apos;，实际为 {unit!r}</translation>
    </message>
    <message>
        <source>weight decay must be ≥ 0, got {weight_decay}</source>
        <translation>权重衰减必须 ≥ 0，实际为 {weight_decay}</translation>
    </message>
    <message>
        <source>{budget} epochs</source>
        <translation>{budget} 轮</translation>
    </message>
    <message>
        <source>{max_steps} steps</source>
        <translation>{max_steps} 步</translation>
    </message>
</context>
</TS>
