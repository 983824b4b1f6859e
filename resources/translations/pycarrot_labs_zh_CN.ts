<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BackwardControls</name>
    <message>
        <source>Backward pass:</source>
        <translation>反向传播：</translation>
    </message>
    <message>
        <source>Forward state: lines show the weights. Press ▸ (Shift+→) to step one training step&apos;s backward().</source>
        <translation>前向状态：连线显示权重。按 ▸（Shift+→）逐步执行一个训练步的 backward()。</translation>
    </message>
    <message>
        <source>One layer back towards the forward state (Shift+←).</source>
        <translation>退回一层，回到前向状态方向（Shift+←）。</translation>
    </message>
    <message>
        <source>Step the next training step&apos;s backward() one layer further, last layer first: that layer lights up and its lines show ∂L/∂w (Shift+→). Train, Step or an edited weight starts a new one.</source>
        <translation>让下一个训练步的 backward() 再前进一层，从最后一层开始：该层高亮，连线显示 ∂L/∂w（Shift+→）。训练、单步或修改权重都会开始新的一轮。</translation>
    </message>
    <message>
        <source>Where in the backward pass the neuron view is: left the forward state, right every layer done.</source>
        <translation>神经元视图处于反向传播的哪一步：最左是前向状态，最右是所有层都已完成。</translation>
    </message>
    <message>
        <source>Which state the neuron view shows: forward or backward.</source>
        <translation>神经元视图显示的状态：前向或反向。</translation>
    </message>
</context>
<context>
    <name>BoundaryPlot</name>
    <message>
        <source>The model&apos;s answer over the plane under the data (filled: train, hollow: test).
Left click adds a point of the chosen class, right click removes the nearest point.</source>
        <translation>数据下方是模型在整个平面上的输出（实心：训练集，空心：测试集）。
左键添加所选类别的点，右键删除最近的点。</translation>
    </message>
</context>
<context>
    <name>BuildPanel</name>
    <message>
        <source>+ Layer</source>
        <translation>+ 层</translation>
    </message>
    <message>
        <source>A ready network with its data: pick one to start from.</source>
        <translation>现成的网络及其数据：选一个作为起点。</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Add a hidden layer below the selected one.</source>
        <translation>在所选层下方添加一个隐藏层。</translation>
    </message>
    <message>
        <source>All three fixes applied: press Reset and Train, then compare the gradient-health plot.</source>
        <translation>三项修正均已应用：按“重置”和“训练”，然后对比梯度健康图。</translation>
    </message>
    <message>
        <source>An activation after the output layer (only with MSE; the original&apos;s network used a sigmoid).</source>
        <translation>输出层之后的激活函数（仅用于 MSE；原项目的网络用的是 sigmoid）。</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Fix: {label}</source>
        <translation>修正：{label}</translation>
    </message>
    <message>
        <source>Hidden layers, inputs above, output below. Double-click a width to type 1 to {max}.</source>
        <translation>隐藏层：上方是输入，下方是输出。双击宽度可输入 1 到 {max}。</translation>
    </message>
    <message>
        <source>How the weights start: PyTorch&apos;s uniform ±1/√fan-in, zeros (every neuron the same), the original project&apos;s N(0, 1), or a normal scaled by √(1/fan-in) (√(2/fan-in) before ReLU).</source>
        <translation>权重的初始值：PyTorch 的均匀分布 ±1/√fan-in、全零（每个神经元都一样）、原项目的 N(0, 1)，或按 √(1/fan-in) 缩放的正态分布（ReLU 之前为 √(2/fan-in)）。</translation>
    </message>
    <message>
        <source>Initialisation</source>
        <translation>初始化</translation>
    </message>
    <message>
        <source>L2 pull of the weights towards 0.</source>
        <translation>把权重拉向 0 的 L2 惩罚。</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失函数</translation>
    </message>
    <message>
        <source>MSE: squared error. BCE with logits: two classes. Cross-entropy: three or more.</source>
        <translation>MSE：平方误差。带 logits 的 BCE：二分类。交叉熵：三类及以上。</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <source>Move the selected layer towards the inputs.</source>
        <translation>把所选层移向输入端。</translation>
    </message>
    <message>
        <source>Move the selected layer towards the output.</source>
        <translation>把所选层移向输出端。</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>神经网络</translation>
    </message>
    <message>
        <source>Neurons</source>
        <translation>神经元</translation>
    </message>
    <message>
        <source>Neurons per layer, inputs first; the output follows the task.</source>
        <translation>每层的神经元数，先列输入；输出层由任务决定。</translation>
    </message>
    <message>
        <source>Optimiser</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Output activation</source>
        <translation>输出激活</translation>
    </message>
    <message>
        <source>Remove the selected hidden layer.</source>
        <translation>删除所选的隐藏层。</translation>
    </message>
    <message>
        <source>SGD momentum in [0, 1) (0 = plain SGD).</source>
        <translation>SGD 动量，取值 [0, 1)（0 = 普通 SGD）。</translation>
    </message>
    <message>
        <source>SGD: step = −learning rate × gradient. Adam: adaptive step per weight.</source>
        <translation>SGD：步长 = −学习率 × 梯度。Adam：每个权重自适应步长。</translation>
    </message>
    <message>
        <source>Samples per step (&apos;full batch&apos; = all of them).</source>
        <translation>每步的样本数（“全批量”= 全部样本）。</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Seed of the initial weights and the mini-batch order.</source>
        <translation>初始权重和小批量顺序的随机种子。</translation>
    </message>
    <message>
        <source>Step size (1e-6 to 10); arrows go 0.01 → 0.02 → 0.05. Too large and the loss diverges.</source>
        <translation>步长（1e-6 到 10）；箭头按 0.01 → 0.02 → 0.05 变化。太大时损失会发散。</translation>
    </message>
    <message>
        <source>The activation after this layer&apos;s neurons.</source>
        <translation>该层神经元之后的激活函数。</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation>权重衰减</translation>
    </message>
    <message>
        <source>What stalls the original project&apos;s network.</source>
        <translation>是什么让原项目的网络停滞不前。</translation>
    </message>
    <message>
        <source>Why a setting was refused.</source>
        <translation>设置被拒绝的原因。</translation>
    </message>
    <message>
        <source>Why does it not learn?</source>
        <translation>为什么学不会？</translation>
    </message>
    <message>
        <source>full batch</source>
        <translation>全批量</translation>
    </message>
    <message>
        <source>hidden layer {layer}: type a whole number of neurons, 1 to {max} (not {typed!r})</source>
        <translation>隐藏层 {layer}：请输入 1 到 {max} 的整数作为神经元数（而不是 {typed!r}）</translation>
    </message>
    <message>
        <source>hidden {n}</source>
        <translation>隐藏层 {n}</translation>
    </message>
    <message>
        <source>− Layer</source>
        <translation>− 层</translation>
    </message>
</context>
<context>
    <name>DataPanel</name>
    <message>
        <source>1 · Data</source>
        <translation>1 · 数据</translation>
    </message>
    <message>
        <source>CSV file</source>
        <translation>CSV 文件</translation>
    </message>
    <message>
        <source>CSV not loaded — {error}. The previous data is kept.</source>
        <translation>CSV 未加载 — {error}。保留之前的数据。</translation>
    </message>
    <message>
        <source>CSV not re-read — {error}</source>
        <translation>CSV 未重新读取 — {error}</translation>
    </message>
    <message>
        <source>Example CSV files that come with PyCarrot: pick one to load it (last column = target).</source>
        <translation>PyCarrot 自带的示例 CSV 文件：选一个即可加载（最后一列为目标）。</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>特征</translation>
    </message>
    <message>
        <source>First row is a header</source>
        <translation>首行是表头</translation>
    </message>
    <message>
        <source>Generate data</source>
        <translation>生成数据</translation>
    </message>
    <message>
        <source>How many (x, y) points to generate (up to 100,000: a full-batch step then stays a few ms).</source>
        <translation>要生成多少个 (x, y) 点（最多 100,000：这样全批量的一步仍只需几毫秒）。</translation>
    </message>
    <message>
        <source>Load the chosen columns as the dataset (resets training).</source>
        <translation>把所选的列加载为数据集（会重置训练）。</translation>
    </message>
    <message>
        <source>Make a new dataset with these settings (resets training).</source>
        <translation>用这些设置生成新数据集（会重置训练）。</translation>
    </message>
    <message>
        <source>Make up data with a known line, or load a CSV file.</source>
        <translation>用已知直线生成数据，或加载 CSV 文件。</translation>
    </message>
    <message>
        <source>No example datasets installed</source>
        <translation>未安装示例数据集</translation>
    </message>
    <message>
        <source>Noise σ</source>
        <translation>噪声 σ</translation>
    </message>
    <message>
        <source>Number of input features x (1 draws a line; more: a plane).</source>
        <translation>输入特征 x 的个数（1 个画直线；更多则是平面）。</translation>
    </message>
    <message>
        <source>Open a CSV file first.</source>
        <translation>请先打开一个 CSV 文件。</translation>
    </message>
    <message>
        <source>Pick an example dataset…</source>
        <translation>选择示例数据集…</translation>
    </message>
    <message>
        <source>Problems with the data show here.</source>
        <translation>数据的问题显示在这里。</translation>
    </message>
    <message>
        <source>Random seed: the same seed gives the same points.</source>
        <translation>随机种子：同样的种子生成同样的点。</translation>
    </message>
    <message>
        <source>Read a CSV file; then choose the target and feature columns.</source>
        <translation>读取 CSV 文件，然后选择目标列和特征列。</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Shift each feature to mean 0 and scale it to spread 1: SGD then converges with larger learning rates.</source>
        <translation>把每个特征平移到均值 0、缩放到标准差 1：这样 SGD 在更大的学习率下也能收敛。</translation>
    </message>
    <message>
        <source>Standard deviation σ of the Gaussian noise added to y.</source>
        <translation>加到 y 上的高斯噪声的标准差 σ。</translation>
    </message>
    <message>
        <source>Standardise features</source>
        <translation>标准化特征</translation>
    </message>
    <message>
        <source>Synthetic</source>
        <translation>合成数据</translation>
    </message>
    <message>
        <source>The column the model should predict (y).</source>
        <translation>模型要预测的列（y）。</translation>
    </message>
    <message>
        <source>The dataset in use.</source>
        <translation>正在使用的数据集。</translation>
    </message>
    <message>
        <source>The true intercept (bias) of the line.</source>
        <translation>直线的真实截距（偏置）。</translation>
    </message>
    <message>
        <source>The true slope(s): one number, or one per feature separated by commas.</source>
        <translation>真实斜率：一个数，或每个特征一个、用逗号分隔。</translation>
    </message>
    <message>
        <source>This column is the target; choose another target to use it as a feature.</source>
        <translation>这一列是目标；另选目标后才能把它用作特征。</translation>
    </message>
    <message>
        <source>Tick the columns to use as input features (x).</source>
        <translation>勾选用作输入特征（x）的列。</translation>
    </message>
    <message>
        <source>True intercept</source>
        <translation>真实截距</translation>
    </message>
    <message>
        <source>True slope(s)</source>
        <translation>真实斜率</translation>
    </message>
    <message>
        <source>Whether the file&apos;s first row holds column names.</source>
        <translation>文件的首行是否为列名。</translation>
    </message>
    <message>
        <source>{name}: {rows} rows, {columns} columns. {hint}</source>
        <translation>{name}：{rows} 行，{columns} 列。{hint}</translation>
    </message>
    <message>
        <source>{n} slopes for {d} features: give one, or one per feature</source>
        <translation>{d} 个特征给了 {n} 个斜率：请给一个，或每个特征一个</translation>
    </message>
</context>
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
        <source>CSV file…</source>
        <translation>CSV 文件…</translation>
    </message>
    <message>
        <source>Circles</source>
        <translation>同心圆</translation>
    </message>
    <message>
        <source>Draw your own</source>
        <translation>自己画</translation>
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
    <name>DigitsView</name>
    <message>
        <source> ({value:.1f} %)</source>
        <translation>（{value:.1f} %）</translation>
    </message>
    <message>
        <source>How many test images the network got right.</source>
        <translation>网络答对了多少张测试图像。</translation>
    </message>
    <message>
        <source>Row: the true digit; column: what the network said. The diagonal is right.</source>
        <translation>行：真实数字；列：网络给出的答案。对角线上是答对的。</translation>
    </message>
    <message>
        <source>Show the mistakes at the top.</source>
        <translation>把错误的排在最前面。</translation>
    </message>
    <message>
        <source>confusion matrix</source>
        <translation>混淆矩阵</translation>
    </message>
    <message>
        <source>predicted</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>right</source>
        <translation>正确</translation>
    </message>
    <message>
        <source>test image {i}: predicted {value}, true {value2} ({verdict})</source>
        <translation>测试图像 {i}：预测 {value}，真实 {value2}（{verdict}）</translation>
    </message>
    <message>
        <source>true</source>
        <translation>真实</translation>
    </message>
    <message>
        <source>wrong</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>wrong ones first</source>
        <translation>错的排前面</translation>
    </message>
    <message>
        <source>{right} of {n} test images right{pct} · {value} wrong, framed in red</source>
        <translation>{n} 张测试图像中答对 {right} 张{pct} · 答错 {value} 张，以红框标出</translation>
    </message>
    <message>
        <source>{value}
true {value2}</source>
        <translation>{value}
真实 {value2}</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>adding a layer</source>
        <translation>添加层</translation>
    </message>
    <message>
        <source>adding a point</source>
        <translation>添加点</translation>
    </message>
    <message>
        <source>adding a scene</source>
        <translation>添加场景</translation>
    </message>
    <message>
        <source>applying a fix</source>
        <translation>应用修正</translation>
    </message>
    <message>
        <source>changing a layer&apos;s width</source>
        <translation>修改层宽度</translation>
    </message>
    <message>
        <source>changing an activation</source>
        <translation>修改激活函数</translation>
    </message>
    <message>
        <source>changing the data</source>
        <translation>更换数据</translation>
    </message>
    <message>
        <source>changing the data settings</source>
        <translation>修改数据设置</translation>
    </message>
    <message>
        <source>changing the network</source>
        <translation>修改网络</translation>
    </message>
    <message>
        <source>choosing a preset</source>
        <translation>选择预设</translation>
    </message>
    <message>
        <source>choosing the data</source>
        <translation>选择数据</translation>
    </message>
    <message>
        <source>choosing the input features</source>
        <translation>选择输入特征</translation>
    </message>
    <message>
        <source>choosing the optimiser</source>
        <translation>选择优化器</translation>
    </message>
    <message>
        <source>clearing the recent lessons</source>
        <translation>清空最近的课件</translation>
    </message>
    <message>
        <source>drawing a point</source>
        <translation>画点</translation>
    </message>
    <message>
        <source>editing a weight</source>
        <translation>编辑权重</translation>
    </message>
    <message>
        <source>editing a weight in the neuron view</source>
        <translation>在神经元视图中编辑权重</translation>
    </message>
    <message>
        <source>exporting the handout</source>
        <translation>导出讲义</translation>
    </message>
    <message>
        <source>exporting the steps as frames</source>
        <translation>把各步导出为帧</translation>
    </message>
    <message>
        <source>moving a layer</source>
        <translation>移动层</translation>
    </message>
    <message>
        <source>moving through the backward pass</source>
        <translation>在反向传播中移动</translation>
    </message>
    <message>
        <source>opening a CSV file</source>
        <translation>打开 CSV 文件</translation>
    </message>
    <message>
        <source>opening a lesson</source>
        <translation>打开课件</translation>
    </message>
    <message>
        <source>opening a recent lesson</source>
        <translation>打开最近的课件</translation>
    </message>
    <message>
        <source>opening the example lesson</source>
        <translation>打开示例课件</translation>
    </message>
    <message>
        <source>pointing in the neuron view</source>
        <translation>在神经元视图中指点</translation>
    </message>
    <message>
        <source>removing a layer</source>
        <translation>删除层</translation>
    </message>
    <message>
        <source>removing a point</source>
        <translation>删除点</translation>
    </message>
    <message>
        <source>reordering the digits</source>
        <translation>重新排列手写数字</translation>
    </message>
    <message>
        <source>resetting the network</source>
        <translation>重置网络</translation>
    </message>
    <message>
        <source>saving the lesson</source>
        <translation>保存课件</translation>
    </message>
    <message>
        <source>sending the tensor graph</source>
        <translation>发送张量计算图</translation>
    </message>
    <message>
        <source>setting a weight</source>
        <translation>设置权重</translation>
    </message>
    <message>
        <source>showing a digit&apos;s tooltip</source>
        <translation>显示手写数字的提示</translation>
    </message>
    <message>
        <source>showing a tooltip in the neuron view</source>
        <translation>在神经元视图中显示提示</translation>
    </message>
    <message>
        <source>starting a new run</source>
        <translation>开始新的运行</translation>
    </message>
    <message>
        <source>starting or pausing training</source>
        <translation>开始或暂停训练</translation>
    </message>
    <message>
        <source>stepping the backward pass</source>
        <translation>单步执行反向传播</translation>
    </message>
    <message>
        <source>stepping the network</source>
        <translation>单步训练网络</translation>
    </message>
</context>
<context>
    <name>FilesPanel</name>
    <message>
        <source>Export loss history</source>
        <translation>导出损失历史</translation>
    </message>
    <message>
        <source>Export step, loss, smoothed loss and parameters as CSV.</source>
        <translation>把步数、损失、平滑损失和参数导出为 CSV。</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Folder for the plot images</source>
        <translation>存放图表图像的文件夹</translation>
    </message>
    <message>
        <source>Load model</source>
        <translation>加载模型</translation>
    </message>
    <message>
        <source>Load model…</source>
        <translation>加载模型…</translation>
    </message>
    <message>
        <source>Loss as CSV…</source>
        <translation>损失导出为 CSV…</translation>
    </message>
    <message>
        <source>Plots as PNG…</source>
        <translation>图表导出为 PNG…</translation>
    </message>
    <message>
        <source>Read weights saved earlier (pycarrot.load) into the model.</source>
        <translation>把之前保存的权重（pycarrot.load）读入模型。</translation>
    </message>
    <message>
        <source>Save each of the four plots as a PNG image in a folder.</source>
        <translation>把四幅图分别保存为文件夹中的 PNG 图像。</translation>
    </message>
    <message>
        <source>Save model</source>
        <translation>保存模型</translation>
    </message>
    <message>
        <source>Save model…</source>
        <translation>保存模型…</translation>
    </message>
    <message>
        <source>What the last file operation did.</source>
        <translation>上一次文件操作的结果。</translation>
    </message>
    <message>
        <source>Write the weights with pycarrot.save (a .npz file).</source>
        <translation>用 pycarrot.save 保存权重（.npz 文件）。</translation>
    </message>
    <message>
        <source>pycarrot model (*.npz *.pth);;All files (*)</source>
        <translation>pycarrot 模型 (*.npz *.pth);;所有文件 (*)</translation>
    </message>
    <message>
        <source>pycarrot model (*.npz);;All files (*)</source>
        <translation>pycarrot 模型 (*.npz);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>Handout</name>
    <message>
        <source>Accumulation</source>
        <translation>累加</translation>
    </message>
    <message>
        <source>Backward order: {mode}.</source>
        <translation>反向传播顺序：{mode}。</translation>
    </message>
    <message>
        <source>Edge / node</source>
        <translation>边 / 节点</translation>
    </message>
    <message>
        <source>Every step of backward() ({n} steps)</source>
        <translation>backward() 的每一步（共 {n} 步）</translation>
    </message>
    <message>
        <source>Expression</source>
        <translation>表达式</translation>
    </message>
    <message>
        <source>Final gradients</source>
        <translation>最终梯度</translation>
    </message>
    <message>
        <source>Forward values</source>
        <translation>前向值</translation>
    </message>
    <message>
        <source>Gradient</source>
        <translation>梯度</translation>
    </message>
    <message>
        <source>Gradient in</source>
        <translation>传入梯度</translation>
    </message>
    <message>
        <source>Gradient out</source>
        <translation>传出梯度</translation>
    </message>
    <message>
        <source>Graph after backward(): every gradient</source>
        <translation>backward() 之后的计算图：所有梯度</translation>
    </message>
    <message>
        <source>Graph before backward(): the values, no gradient yet</source>
        <translation>backward() 之前的计算图：只有值，还没有梯度</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Local rule</source>
        <translation>局部规则</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Values are {blue}, gradients {orange}. The step numbers are the lab&apos;s: seek there to see one.</source>
        <translation>值为{blue}，梯度为{orange}。步号与实验中的一致：跳到该步即可查看。</translation>
    </message>
    <message>
        <source>What</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>add to .grad</source>
        <translation>累加到 .grad</translation>
    </message>
    <message>
        <source>blue</source>
        <translation>蓝色</translation>
    </message>
    <message>
        <source>constant</source>
        <translation>常量</translation>
    </message>
    <message>
        <source>edge</source>
        <translation>边</translation>
    </message>
    <message>
        <source>nothing to hand out: no scene has an expression</source>
        <translation>没有可生成讲义的内容：没有任何场景包含表达式</translation>
    </message>
    <message>
        <source>op</source>
        <translation>运算</translation>
    </message>
    <message>
        <source>orange</source>
        <translation>橙色</translation>
    </message>
    <message>
        <source>per-path</source>
        <translation>逐路径</translation>
    </message>
    <message>
        <source>start</source>
        <translation>起点</translation>
    </message>
    <message>
        <source>topological</source>
        <translation>拓扑序</translation>
    </message>
    <message>
        <source>variable</source>
        <translation>变量</translation>
    </message>
    <message>
        <source>visit</source>
        <translation>访问</translation>
    </message>
</context>
<context>
    <name>LessonController</name>
    <message>
        <source>Autosave failed: {exc}</source>
        <translation>自动保存失败：{exc}</translation>
    </message>
    <message>
        <source>Cannot add a scene</source>
        <translation>无法添加场景</translation>
    </message>
    <message>
        <source>Cannot open the lesson</source>
        <translation>无法打开课件</translation>
    </message>
    <message>
        <source>Cannot save the lesson</source>
        <translation>无法保存课件</translation>
    </message>
    <message>
        <source>Cannot show the scene</source>
        <translation>无法显示该场景</translation>
    </message>
    <message>
        <source>Opened the lesson “{title}”</source>
        <translation>已打开课件“{title}”</translation>
    </message>
    <message>
        <source>PyCarrot did not close cleanly last time. Restore the lesson it saved automatically?</source>
        <translation>PyCarrot 上次没有正常关闭。要恢复它自动保存的课件吗？</translation>
    </message>
    <message>
        <source>Restore your work?</source>
        <translation>恢复你的工作吗？</translation>
    </message>
    <message>
        <source>Saved the lesson to {path}</source>
        <translation>已把课件保存到 {path}</translation>
    </message>
    <message>
        <source>Scene {n}</source>
        <translation>场景 {n}</translation>
    </message>
    <message>
        <source>The lesson on screen is unchanged.</source>
        <translation>屏幕上的课件没有改变。</translation>
    </message>
    <message>
        <source>nothing is built in the Expression lab</source>
        <translation>表达式实验中还没有构建任何内容</translation>
    </message>
    <message>
        <source>the Network lab cannot take this lesson: {reason}</source>
        <translation>神经网络实验无法载入这个课件：{reason}</translation>
    </message>
</context>
<context>
    <name>LessonFile</name>
    <message>
        <source>a leaf value&apos;s name must be a name such as x or w1</source>
        <translation>叶子值的名称必须是 x 或 w1 这样的名字</translation>
    </message>
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
        <source>at least two columns, each with its own name</source>
        <translation>至少两列，且各列名称不同</translation>
    </message>
    <message>
        <source>at most {max_drawn} points inside ±{plane:g}</source>
        <translation>最多 {max_drawn} 个点，且在 ±{plane:g} 之内</translation>
    </message>
    <message>
        <source>backward stop {backward} does not exist (0 to {layers})</source>
        <translation>反向传播停止点 {backward} 不存在（0 到 {layers}）</translation>
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
        <source>classes are 0 to {value}</source>
        <translation>类别为 0 到 {value}</translation>
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
        <source>one to {max_features} true slopes, each within ±{max_setting:g}</source>
        <translation>1 到 {max_features} 个真实斜率，每个都在 ±{max_setting:g} 之内</translation>
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
        <source>scene {value} ({title!r}): {exc}</source>
        <translation>场景 {value}（{title!r}）：{exc}</translation>
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
        <source>the data {title!r} cannot be kept in a lesson (not generated, drawn, CSV or digits)</source>
        <translation>数据 {title!r} 无法保存到课件中（既不是生成的、手绘的、CSV，也不是手写数字）</translation>
    </message>
    <message>
        <source>the field {key!r} is missing</source>
        <translation>缺少字段 {key!r}</translation>
    </message>
    <message>
        <source>the leaf value {name} is not finite; the editor cannot show it</source>
        <translation>叶子值 {name} 不是有限数；编辑器无法显示它</translation>
    </message>
    <message>
        <source>the network expects {inputs} inputs and {classes} classes; its data has {inputs2} inputs and {classes2} classes</source>
        <translation>网络需要 {inputs} 个输入、{classes} 类；其数据有 {inputs2} 个输入、{classes2} 类</translation>
    </message>
    <message>
        <source>there is no such file</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <source>this expression makes {n:,} nodes; a handout shows at most {max_nodes:,}</source>
        <translation>这个表达式有 {n:,} 个节点；讲义最多显示 {max_nodes:,} 个</translation>
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
        <source>{layers} layers of weights are needed, got {n}</source>
        <translation>需要 {layers} 层权重，实际为 {n} 层</translation>
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
        <source>{n} data rows; at least 2 are needed</source>
        <translation>{n} 行数据；至少需要 2 行</translation>
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
    <message>
        <source>{value} layers of weights are needed, got {n}</source>
        <translation>需要 {value} 层权重，实际为 {n} 层</translation>
    </message>
</context>
<context>
    <name>LessonMenu</name>
    <message>
        <source>&amp;Add current as scene</source>
        <translation>把当前画面添加为场景(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Example lesson</source>
        <translation>示例课件(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Next scene</source>
        <translation>下一个场景(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open lesson…</source>
        <translation>打开课件(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Previous scene</source>
        <translation>上一个场景(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Save lesson…</source>
        <translation>保存课件(&amp;S)…</translation>
    </message>
    <message>
        <source>Add what the labs show now as a new scene of the lesson</source>
        <translation>把各实验当前显示的内容添加为课件的新场景</translation>
    </message>
    <message>
        <source>Cannot export the frames</source>
        <translation>无法导出帧</translation>
    </message>
    <message>
        <source>Cannot export the handout</source>
        <translation>无法导出讲义</translation>
    </message>
    <message>
        <source>Clear list</source>
        <translation>清空列表</translation>
    </message>
    <message>
        <source>Every backward step as a table, with the final gradients</source>
        <translation>把反向传播的每一步列成表格，并附最终梯度</translation>
    </message>
    <message>
        <source>Export &amp;handout (PDF)…</source>
        <translation>导出讲义 (PDF)(&amp;H)…</translation>
    </message>
    <message>
        <source>Export every step as PNG &amp;frames…</source>
        <translation>把每一步导出为 PNG 帧(&amp;F)…</translation>
    </message>
    <message>
        <source>Export every step as S&amp;VG frames…</source>
        <translation>把每一步导出为 SVG 帧(&amp;V)…</translation>
    </message>
    <message>
        <source>Export every step into a folder</source>
        <translation>把每一步导出到文件夹</translation>
    </message>
    <message>
        <source>Export handout</source>
        <translation>导出讲义</translation>
    </message>
    <message>
        <source>No recent lessons</source>
        <translation>没有最近的课件</translation>
    </message>
    <message>
        <source>One numbered picture per backward step</source>
        <translation>反向传播的每一步一张带编号的图片</translation>
    </message>
    <message>
        <source>One numbered vector drawing per backward step (sharp on slides)</source>
        <translation>反向传播的每一步一张带编号的矢量图（在幻灯片上也清晰）</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Open a .carrot lesson</source>
        <translation>打开 .carrot 课件</translation>
    </message>
    <message>
        <source>Open lesson</source>
        <translation>打开课件</translation>
    </message>
    <message>
        <source>Open the lesson built from the original design&apos;s examples</source>
        <translation>打开由原始设计中的示例构成的课件</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>PyCarrot lesson (*{suffix})</source>
        <translation>PyCarrot 课件 (*{suffix})</translation>
    </message>
    <message>
        <source>Save lesson</source>
        <translation>保存课件</translation>
    </message>
    <message>
        <source>Save the labs and the lesson&apos;s scenes as a .carrot file</source>
        <translation>把各实验和课件的场景保存为 .carrot 文件</translation>
    </message>
    <message>
        <source>Saved the handout {path}</source>
        <translation>已保存讲义 {path}</translation>
    </message>
    <message>
        <source>Saved {n} frames in {folder}</source>
        <translation>已在 {folder} 中保存 {n} 帧</translation>
    </message>
    <message>
        <source>Show the lesson&apos;s next scene</source>
        <translation>显示课件的下一个场景</translation>
    </message>
    <message>
        <source>Show the lesson&apos;s previous scene</source>
        <translation>显示课件的上一个场景</translation>
    </message>
    <message>
        <source>The lesson has changes that are not saved. Save them first?</source>
        <translation>课件有未保存的更改。要先保存吗？</translation>
    </message>
    <message>
        <source>The lessons saved or opened last</source>
        <translation>最近保存或打开的课件</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>handout.pdf</source>
        <translation>handout.pdf</translation>
    </message>
    <message>
        <source>{name} — PyCarrot</source>
        <translation>{name} — PyCarrot</translation>
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
    <name>MainWindow</name>
    <message>
        <source>PyCarrot — watch backpropagation</source>
        <translation>PyCarrot — 观察反向传播</translation>
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
    <name>ModelPanel</name>
    <message>
        <source>2 · Model and optimiser</source>
        <translation>2 · 模型与优化器</translation>
    </message>
    <message>
        <source>Also stop as soon as the loss falls below this value.</source>
        <translation>损失一旦低于此值也停止。</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Count the budget in optimiser steps or in epochs (passes over the data).</source>
        <translation>训练量按优化步数或轮数（遍历数据的次数）计。</translation>
    </message>
    <message>
        <source>How long to train before stopping by itself.</source>
        <translation>训练多久后自动停止。</translation>
    </message>
    <message>
        <source>Init seed</source>
        <translation>初始化种子</translation>
    </message>
    <message>
        <source>L2 penalty pulling the weights towards 0 (0 = none).</source>
        <translation>把权重拉向 0 的 L2 惩罚（0 = 无）。</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Model: pycarrot Linear({n}, 1)</source>
        <translation>模型：pycarrot Linear({n}, 1)</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <source>Optimiser</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>SGD momentum in [0, 1): how much of the last step is kept (0 = plain SGD).</source>
        <translation>SGD 动量，取值 [0, 1)：保留多少上一步的更新（0 = 普通 SGD）。</translation>
    </message>
    <message>
        <source>SGD: step = −learning rate × gradient. Adam: adaptive step sizes per parameter.</source>
        <translation>SGD：步长 = −学习率 × 梯度。Adam：每个参数自适应步长。</translation>
    </message>
    <message>
        <source>Samples per step: &apos;full batch&apos; uses all; smaller = mini-batch SGD (noisier steps).</source>
        <translation>每步的样本数：“全批量”用全部样本；更小 = 小批量 SGD（每步噪声更大）。</translation>
    </message>
    <message>
        <source>Seed for the initial weights (pc.manual_seed) and the mini-batch order.</source>
        <translation>初始权重（pc.manual_seed）和小批量顺序的随机种子。</translation>
    </message>
    <message>
        <source>Set the learning rate the mathematics suggests for this data (it converges).</source>
        <translation>设为数学分析为这组数据建议的学习率（会收敛）。</translation>
    </message>
    <message>
        <source>Step size (1e-6 to 100). Arrows go 0.01 → 0.02 → 0.05; type e.g. 1e-4. Too large and the loss diverges.</source>
        <translation>步长（1e-6 到 100）。箭头按 0.01 → 0.02 → 0.05 变化；可输入例如 1e-4。太大时损失会发散。</translation>
    </message>
    <message>
        <source>Stop below loss</source>
        <translation>损失低于此值时停止</translation>
    </message>
    <message>
        <source>The limit is {why}.</source>
        <translation>上限为 {why}。</translation>
    </message>
    <message>
        <source>The loss threshold for stopping early.</source>
        <translation>提前停止的损失阈值。</translation>
    </message>
    <message>
        <source>The model: a pycarrot Linear layer, prediction = x @ weight + bias.</source>
        <translation>模型：一个 pycarrot Linear 层，预测值 = x @ weight + bias。</translation>
    </message>
    <message>
        <source>Train for</source>
        <translation>训练时长</translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation>权重衰减</translation>
    </message>
    <message>
        <source>Which learning rates diverge on this data, from the loss&apos;s curvature (its Hessian).</source>
        <translation>根据损失的曲率（黑塞矩阵）得出在这组数据上哪些学习率会发散。</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>轮</translation>
    </message>
    <message>
        <source>full batch</source>
        <translation>全批量</translation>
    </message>
    <message>
        <source>lr {lr:g} will diverge. {advice}</source>
        <translation>lr {lr:g} 会发散。{advice}</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>步</translation>
    </message>
    <message>
        <source>use {lr:g}</source>
        <translation>用 {lr:g}</translation>
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
    <name>NetworkDataPanel</name>
    <message>
        <source>CSV file</source>
        <translation>CSV 文件</translation>
    </message>
    <message>
        <source>CSV not loaded — {error}. The previous data is kept.</source>
        <translation>CSV 未加载 — {error}。保留之前的数据。</translation>
    </message>
    <message>
        <source>Clear points</source>
        <translation>清除所有点</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Draw</source>
        <translation>绘制</translation>
    </message>
    <message>
        <source>Feed {feature} to the first layer.</source>
        <translation>把 {feature} 输入第一层。</translation>
    </message>
    <message>
        <source>How far points are jittered from their clean shape.</source>
        <translation>点偏离其理想形状的抖动程度。</translation>
    </message>
    <message>
        <source>How many points to generate ({lo}–{hi}).</source>
        <translation>要生成多少个点（{lo}–{hi}）。</translation>
    </message>
    <message>
        <source>Input features</source>
        <translation>输入特征</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Make these columns the data.</source>
        <translation>把这些列作为数据。</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <source>Not used — {error}. The previous data is kept.</source>
        <translation>未采用 — {error}。保留之前的数据。</translation>
    </message>
    <message>
        <source>Open a CSV file: any number of input columns and a target column.</source>
        <translation>请打开一个 CSV 文件：任意多个输入列和一个目标列。</translation>
    </message>
    <message>
        <source>Read a CSV file (comma, semicolon or tab separated).</source>
        <translation>读取 CSV 文件（逗号、分号或制表符分隔）。</translation>
    </message>
    <message>
        <source>Remove every drawn point.</source>
        <translation>删除所有画出的点。</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Seed of the generated points and the train/test split.</source>
        <translation>生成点和划分训练/测试集的随机种子。</translation>
    </message>
    <message>
        <source>Target is a class (2–10 values)</source>
        <translation>目标是类别（2–10 个取值）</translation>
    </message>
    <message>
        <source>Test share</source>
        <translation>测试集比例</translation>
    </message>
    <message>
        <source>The class of the points you click in (right-click removes one).</source>
        <translation>点击添加的点的类别（右键删除一个点）。</translation>
    </message>
    <message>
        <source>The column to predict.</source>
        <translation>要预测的列。</translation>
    </message>
    <message>
        <source>The data the network learns from.</source>
        <translation>网络用来学习的数据。</translation>
    </message>
    <message>
        <source>The network needs at least one input feature; tick another before unticking this.</source>
        <translation>网络至少需要一个输入特征；请先勾选另一个再取消这个。</translation>
    </message>
    <message>
        <source>The share of samples held out to test on (0–90 %).</source>
        <translation>留作测试的样本比例（0–90 %）。</translation>
    </message>
    <message>
        <source>Tick the columns the network takes as inputs (any number).</source>
        <translation>勾选网络作为输入的列（任意多个）。</translation>
    </message>
    <message>
        <source>Ticked: classify (the target&apos;s distinct values are the classes). Unticked: fit the numbers (MSE).</source>
        <translation>勾选：分类（目标列的不同取值即为类别）。不勾选：拟合数值（MSE）。</translation>
    </message>
    <message>
        <source>What the data is, or why it was refused.</source>
        <translation>数据的概况，或被拒绝的原因。</translation>
    </message>
    <message>
        <source>class {n}</source>
        <translation>类别 {n}</translation>
    </message>
</context>
<context>
    <name>NetworkLab</name>
    <message>
        <source> Press Reset for a new run.</source>
        <translation>按“重置”开始新的训练。</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>Accuracy on the training and the held-out test set.</source>
        <translation>训练集和留出测试集上的准确率。</translation>
    </message>
    <message>
        <source>Could not load {value}: {exc}</source>
        <translation>无法加载 {value}：{exc}</translation>
    </message>
    <message>
        <source>Could not save the weights to {value}: {exc}</source>
        <translation>无法把权重保存到 {value}：{exc}</translation>
    </message>
    <message>
        <source>Could not write {value}: {exc}</source>
        <translation>无法写入 {value}：{exc}</translation>
    </message>
    <message>
        <source>Digits</source>
        <translation>手写数字</translation>
    </message>
    <message>
        <source>Each layer&apos;s gradient norm per step (log scale): flat near zero means the layer has stopped learning.</source>
        <translation>每一步各层的梯度范数（对数坐标）：贴近零不动，说明该层已停止学习。</translation>
    </message>
    <message>
        <source>Exported the network as Python to {path} ({steps} steps; run it with: python {value})</source>
        <translation>已把网络导出为 Python 脚本 {path}（{steps} 步；运行方式：python {value}）</translation>
    </message>
    <message>
        <source>Features not used: {reason}</source>
        <translation>特征未采用：{reason}</translation>
    </message>
    <message>
        <source>Gradient health</source>
        <translation>梯度健康</translation>
    </message>
    <message>
        <source>Loaded the weights from {value}</source>
        <translation>已从 {value} 加载权重</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Loss on the whole training set and on the held-out test set, measured every few steps.</source>
        <translation>整个训练集和留出测试集上的损失，每隔几步测量一次。</translation>
    </message>
    <message>
        <source>Network and data</source>
        <translation>网络与数据</translation>
    </message>
    <message>
        <source>Network {network}: one forward pass on 4 samples at step {step}</source>
        <translation>网络 {network}：第 {step} 步时在 4 个样本上的一次前向传播</translation>
    </message>
    <message>
        <source>No question now: press ▸ (Shift+→) to step the next training step&apos;s backward pass</source>
        <translation>现在没有问题：按 ▸（Shift+→）逐步执行下一个训练步的反向传播</translation>
    </message>
    <message>
        <source>Only drawn points can be removed: choose &apos;Draw your own&apos; first.</source>
        <translation>只能删除手绘的点：请先选择“自己画”。</translation>
    </message>
    <message>
        <source>Open one forward pass (4 samples: x, W1, b1, x@W1, …, loss) in the Expression lab and step its backward pass tensor by tensor.</source>
        <translation>在表达式实验中打开一次前向传播（4 个样本：x、W1、b1、x@W1、…、loss），逐个张量地单步执行反向传播。</translation>
    </message>
    <message>
        <source>Predict first: type ∂L/∂w of the dashed line and press Enter, or Reveal</source>
        <translation>先预测：输入虚线的 ∂L/∂w 并按 Enter，或点“揭晓”</translation>
    </message>
    <message>
        <source>Saved the weights to {path}</source>
        <translation>已把权重保存到 {path}</translation>
    </message>
    <message>
        <source>Share of samples classified right, training and test set.</source>
        <translation>训练集和测试集上分类正确的样本比例。</translation>
    </message>
    <message>
        <source>Tensor graph ▸ Expression lab</source>
        <translation>张量计算图 ▸ 表达式实验</translation>
    </message>
    <message>
        <source>This dataset is too large to write into a script: export a generated set or the digits.</source>
        <translation>这个数据集太大，无法写入脚本：请导出生成的数据集或手写数字。</translation>
    </message>
    <message>
        <source>Train the network:</source>
        <translation>训练网络：</translation>
    </message>
    <message>
        <source>What the run is doing, or why it stopped.</source>
        <translation>训练正在做什么，或为何停止。</translation>
    </message>
    <message>
        <source>Which curve is which layer&apos;s weights.</source>
        <translation>哪条曲线对应哪一层的权重。</translation>
    </message>
    <message>
        <source>Which curve is which set.</source>
        <translation>哪条曲线对应哪个数据集。</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>layer {n}</source>
        <translation>第 {n} 层</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>test</source>
        <translation>测试集</translation>
    </message>
    <message>
        <source>train</source>
        <translation>训练集</translation>
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
        <translation>就绪：{network}。按“训练”（空格）或“单步”。</translation>
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
    <name>NeuronView</name>
    <message>
        <source>
value  {value}</source>
        <translation>
值  {value}</translation>
    </message>
    <message>
        <source>Type a new weight and press Enter (Escape keeps the old one).</source>
        <translation>输入新的权重并按 Enter（按 Esc 保留原值）。</translation>
    </message>
    <message>
        <source>hidden {k} ({n})</source>
        <translation>隐藏层 {k}（{n}）</translation>
    </message>
    <message>
        <source>input {name}{value}</source>
        <translation>输入 {name}{value}</translation>
    </message>
    <message>
        <source>input {value}</source>
        <translation>输入 {value}</translation>
    </message>
    <message>
        <source>inputs</source>
        <translation>输入层</translation>
    </message>
    <message>
        <source>neuron {value} of layer {layer}{value2}
bias  {b}
∂L/∂b  {g}</source>
        <translation>第 {layer} 层第 {value} 个神经元{value2}
偏置  {b}
∂L/∂b  {g}</translation>
    </message>
    <message>
        <source>not computed yet</source>
        <translation>尚未计算</translation>
    </message>
    <message>
        <source>output ({value})</source>
        <translation>输出层（{value}）</translation>
    </message>
    <message>
        <source>∇ ? — predict it: the backward pass has not reached this layer</source>
        <translation>∇ ? — 先预测：反向传播还没有到达这一层</translation>
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
    <name>Quiz</name>
    <message>
        <source>Layer {n}: guess {w} of the dashed line ({source} → neuron {j} of layer {n})</source>
        <translation>第 {n} 层：猜一猜虚线的 {w}（{source} → 第 {n} 层第 {j} 个神经元）</translation>
    </message>
    <message>
        <source>a{i} is what the line&apos;s input sends forward, δ{j} = ∂L/∂z of the neuron it feeds; each sample adds a · δ, summed over the {n} samples of the batch</source>
        <translation>a{i} 是这条连线的输入向前传递的值，δ{j} = 它所连接的神经元的 ∂L/∂z；每个样本贡献一个 a · δ，对这一批的 {n} 个样本求和</translation>
    </message>
    <message>
        <source>input {i}</source>
        <translation>输入 {i}</translation>
    </message>
    <message>
        <source>neuron {i} of layer {n}</source>
        <translation>第 {n} 层第 {i} 个神经元</translation>
    </message>
    <message>
        <source>{w} = {a} · {d}, so {sum} = {value}</source>
        <translation>{w} = {a} · {d}，所以 {sum} = {value}</translation>
    </message>
    <message>
        <source>{w} = Σ {a} · {d} over the {n} samples, so {sum} = {value}</source>
        <translation>{w} = 对 {n} 个样本求和 Σ {a} · {d}，所以 {sum} = {value}</translation>
    </message>
</context>
<context>
    <name>SceneDock</name>
    <message>
        <source>Add current as scene</source>
        <translation>把当前画面添加为场景</translation>
    </message>
    <message>
        <source>Keep this scene and start a new one after it from what the labs show now</source>
        <translation>保留这个场景，并以各实验当前显示的内容在其后新建一个场景</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>课件</translation>
    </message>
    <message>
        <source>Lesson: {title}</source>
        <translation>课件：{title}</translation>
    </message>
    <message>
        <source>The lesson&apos;s scenes: click one, or Ctrl+PageDown / Ctrl+PageUp</source>
        <translation>课件的场景：点击其中一个，或按 Ctrl+PageDown / Ctrl+PageUp</translation>
    </message>
    <message>
        <source>The teacher&apos;s note for this scene</source>
        <translation>教师对这个场景的备注</translation>
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
    <name>TrainingLab</name>
    <message>
        <source> Tick Log y to see the whole curve.</source>
        <translation>勾选“对数 y 轴”可看到完整曲线。</translation>
    </message>
    <message>
        <source> · epoch {epoch:.2f}</source>
        <translation> · 第 {epoch:.2f} 轮</translation>
    </message>
    <message>
        <source>0 steps</source>
        <translation>0 步</translation>
    </message>
    <message>
        <source>1 step</source>
        <translation>1 步</translation>
    </message>
    <message>
        <source>3 · Run:</source>
        <translation>3 · 运行：</translation>
    </message>
    <message>
        <source>Backward of one step ▸ Expression lab</source>
        <translation>单步的反向传播 ▸ 表达式实验</translation>
    </message>
    <message>
        <source>Could not load {name}: {why}. This model has {n} feature(s).</source>
        <translation>无法加载 {name}：{why}。这个模型有 {n} 个特征。</translation>
    </message>
    <message>
        <source>Could not save the model: {error}</source>
        <translation>无法保存模型：{error}</translation>
    </message>
    <message>
        <source>Could not write {name}: {error}</source>
        <translation>无法写入 {name}：{error}</translation>
    </message>
    <message>
        <source>Could not write {path}.</source>
        <translation>无法写入 {path}。</translation>
    </message>
    <message>
        <source>Draw new initial weights (the next init seed) and start again; the last run stays as a faded curve (Ctrl+Shift+R).</source>
        <translation>抽取新的初始权重（下一个初始化种子）并重新开始；上一次运行保留为淡色曲线（Ctrl+Shift+R）。</translation>
    </message>
    <message>
        <source>Hide the settings on the left so the plots get the whole width (on a projector); click again to show them.</source>
        <translation>隐藏左侧的设置，让图表占满整个宽度（用于投影）；再次点击即可显示。</translation>
    </message>
    <message>
        <source>Loaded the model from {name}{note}; Train continues from it (Reset forgets it).</source>
        <translation>已从 {name} 加载模型{note}；“训练”会从它继续（“重置”会丢弃它）。</translation>
    </message>
    <message>
        <source>New initial weights (init seed {seed}): press Train (Space) or Step.</source>
        <translation>新的初始权重（初始化种子 {seed}）：按“训练”（空格）或“单步”。</translation>
    </message>
    <message>
        <source>New weights</source>
        <translation>新权重</translation>
    </message>
    <message>
        <source>No longer using the model loaded from {name}: this run starts from the init seed&apos;s weights (Reset forgets it, and so does new data).</source>
        <translation>不再使用从 {name} 加载的模型：本次运行从初始化种子的权重开始（“重置”和新数据都会丢弃已加载的模型）。</translation>
    </message>
    <message>
        <source>Open this training step&apos;s graph (4 samples) in the Expression lab to step through its backward pass.</source>
        <translation>在表达式实验中打开这一训练步的计算图（4 个样本），逐步查看其反向传播。</translation>
    </message>
    <message>
        <source>Paused at step {step}.</source>
        <translation>已暂停在第 {step} 步。</translation>
    </message>
    <message>
        <source>Reset to the same initial weights (init seed {seed}); New weights draws others. Press Train (Space) or Step.</source>
        <translation>已重置为同样的初始权重（初始化种子 {seed}）；“新权重”会抽取另一组。按“训练”（空格）或“单步”。</translation>
    </message>
    <message>
        <source>Saved the model to {name} with the features&apos; means and deviations.</source>
        <translation>已把模型连同特征的均值和标准差保存到 {name}。</translation>
    </message>
    <message>
        <source>Saved the model to {name}.</source>
        <translation>已把模型保存到 {name}。</translation>
    </message>
    <message>
        <source>Saved {n} PNG files in {folder}.</source>
        <translation>已在 {folder} 中保存 {n} 个 PNG 文件。</translation>
    </message>
    <message>
        <source>Sent this step&apos;s graph to the Expression lab.</source>
        <translation>已把这一步的计算图发送到表达式实验。</translation>
    </message>
    <message>
        <source>Settings changed: press Train to start a new run with them (the current run stays as a faded curve).</source>
        <translation>设置已更改：按“训练”用新设置开始新的运行（当前运行保留为淡色曲线）。</translation>
    </message>
    <message>
        <source>Start again from the same initial weights (the init seed&apos;s), with an empty history; the last run stays as a faded curve (Ctrl+R).</source>
        <translation>从同样的初始权重（由初始化种子决定）重新开始，历史清空；上一次运行保留为淡色曲线（Ctrl+R）。</translation>
    </message>
    <message>
        <source>Stepped to step {step}.</source>
        <translation>已单步到第 {step} 步。</translation>
    </message>
    <message>
        <source>Steps done, epoch and the latest loss.</source>
        <translation>已完成的步数、轮数和最新的损失。</translation>
    </message>
    <message>
        <source>Training step {step}: MSE of Linear({n}, 1) on 4 samples</source>
        <translation>训练第 {step} 步：Linear({n}, 1) 在 4 个样本上的 MSE</translation>
    </message>
    <message>
        <source>Training… (Space pauses)</source>
        <translation>训练中…（空格暂停）</translation>
    </message>
    <message>
        <source>Training… one step on {n:,} samples takes {ms:.0f} ms, so the window reacts slowly while training: a smaller Batch size (mini-batch) makes steps fast again.</source>
        <translation>训练中… 在 {n:,} 个样本上走一步需要 {ms:.0f} ms，所以训练时窗口反应较慢：减小批大小（小批量）可让每一步重新变快。</translation>
    </message>
    <message>
        <source>What training is doing, and why it stopped.</source>
        <translation>训练正在做什么，以及为何停止。</translation>
    </message>
    <message>
        <source>Wrote {n} steps to {name}.</source>
        <translation>已把 {n} 步写入 {name}。</translation>
    </message>
    <message>
        <source>{done}{epoch} · loss {loss}</source>
        <translation>{done}{epoch} · 损失 {loss}</translation>
    </message>
    <message>
        <source>{n} steps</source>
        <translation>{n} 步</translation>
    </message>
    <message>
        <source>▸ Settings</source>
        <translation>▸ 设置</translation>
    </message>
    <message>
        <source>◂ Settings</source>
        <translation>◂ 设置</translation>
    </message>
</context>
<context>
    <name>TrainingPlots</name>
    <message>
        <source> (diverged)</source>
        <translation>（已发散）</translation>
    </message>
    <message>
        <source> · raw features</source>
        <translation> · 原始特征</translation>
    </message>
    <message>
        <source> · standardised</source>
        <translation> · 已标准化</translation>
    </message>
    <message>
        <source>Back to live</source>
        <translation>回到实时</translation>
    </message>
    <message>
        <source>Clear earlier runs</source>
        <translation>清除以往运行</translation>
    </message>
    <message>
        <source>Data and fitted line</source>
        <translation>数据与拟合直线</translation>
    </message>
    <message>
        <source>Fit the y axis to the bulk of the curve, not to a few huge early losses.</source>
        <translation>让 y 轴适应曲线的主体，而不是最初几个巨大的损失。</translation>
    </message>
    <message>
        <source>Fit view</source>
        <translation>适应视图</translation>
    </message>
    <message>
        <source>Follow the run again after you zoomed or panned a plot.</source>
        <translation>缩放或平移图表后，重新跟随当前运行。</translation>
    </message>
    <message>
        <source>How each parameter moved, step by step.</source>
        <translation>每个参数逐步的变化。</translation>
    </message>
    <message>
        <source>Ignore outliers</source>
        <translation>忽略离群值</translation>
    </message>
    <message>
        <source>Log y</source>
        <translation>对数 y 轴</translation>
    </message>
    <message>
        <source>Loss (MSE) per step</source>
        <translation>每步的损失（MSE）</translation>
    </message>
    <message>
        <source>MSE surface</source>
        <translation>MSE 曲面</translation>
    </message>
    <message>
        <source>Mean squared error of each training step. Faint: the raw loss; solid: smoothed.
Hover to read values, click a step to see the model as it was then.</source>
        <translation>每个训练步的均方误差。淡色：原始损失；实线：平滑后。
悬停可读数，点击某一步可查看当时的模型。</translation>
    </message>
    <message>
        <source>Model at step {step} (loss {loss}): weight = [{w}], bias = {b}</source>
        <translation>第 {step} 步的模型（损失 {loss}）：权重 = [{w}]，偏置 = {b}</translation>
    </message>
    <message>
        <source>Model now: weight = [{w}], bias = {b}</source>
        <translation>当前模型：权重 = [{w}]，偏置 = {b}</translation>
    </message>
    <message>
        <source>No steps yet: press ▶ Train (Space) or Step ▸ (→)</source>
        <translation>还没有训练步：按 ▶ 训练（空格）或 单步 ▸（→）</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Predicted vs true</source>
        <translation>预测值与真实值</translation>
    </message>
    <message>
        <source>Remove the faded curves of earlier runs.</source>
        <translation>删除以往运行的淡色曲线。</translation>
    </message>
    <message>
        <source>Show the loss on a logarithmic axis.</source>
        <translation>用对数坐标轴显示损失。</translation>
    </message>
    <message>
        <source>Smoothing</source>
        <translation>平滑</translation>
    </message>
    <message>
        <source>Smoothing of the solid curve: exponential moving average weight 0–0.999.</source>
        <translation>实线的平滑程度：指数移动平均权重 0–0.999。</translation>
    </message>
    <message>
        <source>Stop inspecting a past step; show the model as it is now.</source>
        <translation>停止查看过去的某一步；显示当前的模型。</translation>
    </message>
    <message>
        <source>The MSE surface is drawn
for one feature only</source>
        <translation>MSE 曲面只能
为单个特征绘制</translation>
    </message>
    <message>
        <source>The data and the line the model draws through it now (or at the step you clicked).</source>
        <translation>数据，以及模型现在（或在你点击的那一步）穿过它画出的直线。</translation>
    </message>
    <message>
        <source>The loss for every (weight, bias) of a one-feature line: darker is lower.
The orange path is where gradient descent has taken the parameters; ★ is the best fit.</source>
        <translation>单特征直线每一组（权重，偏置）对应的损失：颜色越深越低。
橙色路径是梯度下降带着参数走过的路线；★ 是最佳拟合。</translation>
    </message>
    <message>
        <source>The loss under the mouse.</source>
        <translation>鼠标所指位置的损失。</translation>
    </message>
    <message>
        <source>The model&apos;s parameters (now, or at the step you clicked).</source>
        <translation>模型的参数（当前的，或你点击的那一步的）。</translation>
    </message>
    <message>
        <source>The smoothing weight.</source>
        <translation>平滑权重。</translation>
    </message>
    <message>
        <source>What the dots and lines are.</source>
        <translation>点和线分别表示什么。</translation>
    </message>
    <message>
        <source>Which curve is which parameter.</source>
        <translation>哪条曲线对应哪个参数。</translation>
    </message>
    <message>
        <source>bias</source>
        <translation>偏置</translation>
    </message>
    <message>
        <source>data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>perfect fit</source>
        <translation>完美拟合</translation>
    </message>
    <message>
        <source>predicted {target}</source>
        <translation>预测 {target}</translation>
    </message>
    <message>
        <source>raw loss</source>
        <translation>原始损失</translation>
    </message>
    <message>
        <source>run {n} · {label}</source>
        <translation>运行 {n} · {label}</translation>
    </message>
    <message>
        <source>smoothed</source>
        <translation>平滑后</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>step {k} · loss {loss} · smoothed {smooth}</source>
        <translation>第 {k} 步 · 损失 {loss} · 平滑后 {smooth}</translation>
    </message>
    <message>
        <source>true line</source>
        <translation>真实直线</translation>
    </message>
    <message>
        <source>true {target}</source>
        <translation>真实 {target}</translation>
    </message>
    <message>
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>{name} (standardised)</source>
        <translation>{name}（已标准化）</translation>
    </message>
    <message>
        <source>… {n} more weights</source>
        <translation>… 另有 {n} 个权重</translation>
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
        <translation>就绪：按“训练”（空格）或“单步”。</translation>
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
