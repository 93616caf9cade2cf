"""The little CSS the dashboard needs: evidence highlights."""

CSS = """
<style>
.evidence { line-height: 1.75; font-size: 1.02rem; padding: .8rem 1rem; border-left: 4px solid #1f5f8b;
            background: rgba(31, 95, 139, .04); border-radius: 4px; }
.ev-claim { background: #fff3bf; border-radius: 2px; }
.ev-speaker { color: #0b4f8a; font-weight: 600; border-bottom: 2px solid #0b4f8a; }
.ev-cue { color: #1d7a3e; font-weight: 600; border-bottom: 2px solid #1d7a3e; }
.ev-marker { color: #b3261e; border-bottom: 2px dotted #b3261e; font-style: italic; }
.legend { font-size: .85rem; color: #555; margin-top: .3rem; }
.legend span { margin-right: .8rem; padding: 0 .2rem; }
.checked { padding: .4rem .7rem; border-left: 4px solid #8e6bbf; background: rgba(142, 107, 191, .06);
           border-radius: 4px; margin-bottom: .3rem; }
.checked .meta { font-size: .8rem; color: #666; }
</style>
"""
