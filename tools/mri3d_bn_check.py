"""The check behind results/pilots/mri3d_bn_check.csv (08b_mri3d_study).

A 3D U-Net on Colin27's 62 AAL regions (whole-hemisphere patches at 3 mm, the settings of pilot i) stays at the
majority class on validation. Does it predict better in training mode (batch statistics) than in evaluation mode
(running statistics), or on its own training hemisphere? Trains one network, then prints a CSV row per hemisphere
(as trained, flipped) and mode: the accuracy on labelled voxels, on all voxels, and how many classes it predicts.

    .venv/bin/python tools/mri3d_bn_check.py 25 > results/pilots/mri3d_bn_check.csv
"""
import sys, warnings
import torch
from fastai.callback.progress import ProgressCallback
from pixeldcl_nb.mri import mri_volume_dls
from pixeldcl_nb.segmentation import seg_learner


@torch.no_grad()
def accuracy(model, x, y, train_mode: bool) -> tuple:
    "(accuracy on labelled voxels, on all voxels, classes predicted) of `model` on one volume `x` (C, X, Y, Z)."
    model.train(train_mode)
    p = model(x[None])[0].argmax(0)
    model.eval()
    fg = y > 0
    return (round((p[fg] == y[fg]).float().mean().item(), 3), round((p == y).float().mean().item(), 3),
            len(p.unique()))


def main(epochs: int):
    warnings.simplefilter('ignore')
    torch.set_num_threads(1)
    torch.manual_seed(0)
    dls = mri_volume_dls(3., (24, 64, 56), bs=2, patches_per_volume=32, flips=(0,), num_workers=0)
    learn = seg_learner(dls, 'dcl', width=8, depth=3, lr=1e-2)
    learn.remove_cb(ProgressCallback)
    learn.recorder.silent = True
    learn.fit_one_cycle(epochs, 1e-2)
    loss = learn.recorder.values[-1][0]
    xt, yt = dls.train_ds._cut(*dls.train_ds.items[0])
    xv, yv = dls.valid_ds[0]
    s = [min(a, b) // 8 * 8 for a, b in zip(xt.shape[1:], xv.shape[1:])]   # a size the U-Net takes, in both

    def crop(x, y): return x[(slice(None), *[slice(0, k) for k in s])], y[tuple(slice(0, k) for k in s)]
    cases = {'train': crop(xt, yt), 'train flipped': crop(xt.flip(1), yt.flip(0)), 'valid': crop(xv, yv),
             'valid flipped': crop(xv.flip(1), yv.flip(0))}
    print('pilot,regions,epochs,final_train_loss,hemisphere,mode,foreground_acc,pixel_acc,classes_predicted')
    for name, (x, y) in cases.items():
        for mode in ('eval', 'train'):
            fg, acc, n = accuracy(learn.model, x, y, mode == 'train')
            print(f"i-check,aal,{epochs},{loss:.4f},{name},{mode},{fg},{acc},{n}")


if __name__ == '__main__': main(int(sys.argv[1]) if len(sys.argv) > 1 else 25)
