// For tests that check every string: registers the strings of the parts that load on first use,
// as their code does when it loads.
import '../code/importText';
import '../datasets/csvImport';
import '../datasets/datasetsMessages';
import '../lessons/lessonMessages';
import '../plots/plotMessages';
import '../stepper/explain';
import '../training/trainingMessages';
