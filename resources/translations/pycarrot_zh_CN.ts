<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Errors</name>
    <message>
        <source>exporting the graph as PNG</source>
        <translation>导出计算图为 PNG 时</translation>
    </message>
    <message>
        <source>exporting the graph as SVG</source>
        <translation>导出计算图为 SVG 时</translation>
    </message>
    <message>
        <source>exporting the network as Python</source>
        <translation>将网络导出为 Python 代码时</translation>
    </message>
    <message>
        <source>loading the network&apos;s weights</source>
        <translation>加载网络权重时</translation>
    </message>
    <message>
        <source>saving the network&apos;s weights</source>
        <translation>保存网络权重时</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;About PyCarrot</source>
        <translation>关于 PyCarrot(&amp;A)</translation>
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
        <source>Fit a line with SGD and watch the loss fall</source>
        <translation>用 SGD 拟合一条直线，看损失逐步下降</translation>
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
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
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
        <source>Theme: {theme}, text {size} pt</source>
        <translation>主题：{theme}，文字 {size} 磅</translation>
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
